"""`broadcaster agent --config FILE` says what went wrong in Vietnamese: a broken config, a broker
that cannot be reached or refuses the password, and a speaker with no audio player."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from broadcaster.app.messages import ENGLISH_WORDS, is_vietnamese
from broadcaster.cli import main
from broadcaster.store.keys import load_or_create
from devices.background import free_port
from devices.sim.mosquitto import MosquittoProcess


def _run(capsys: pytest.CaptureFixture[str], config: Path) -> tuple[int, str]:
    code = main(["agent", "--config", str(config)])
    return code, capsys.readouterr().err


def _error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("Lỗi: ")]
    assert len(lines) == 1, err
    return lines[0]


def _device(tmp_path: Path, broker: str, player: str = '["no-such-player-xyz", "{path}"]') -> Path:
    signer = load_or_create(tmp_path / "server.pem", "k1")
    config = tmp_path / "device.toml"
    config.write_text(
        f'device_id = "loa-1"\nzones = ["thon-1"]\nbroker = "{broker}"\nplayer = {player}\n'
        f'data_dir = "{(tmp_path / "agent").as_posix()}"\n[trusted_keys]\nk1 = "{signer.public_b64()}"\n',
        encoding="utf-8",
    )
    return config


def test_a_broken_config_names_the_missing_keys_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('device_id = "loa-1"\n', encoding="utf-8")
    code, err = _run(capsys, broken)
    line = _error_line(err)
    assert code == 2 and "thiếu thiết lập: zones, broker, trusted_keys" in line, line
    assert is_vietnamese(line) and not ENGLISH_WORDS.search(line) and "WARNING" not in err

    broken.write_text("device_id = \n", encoding="utf-8")
    line = _error_line(_run(capsys, broken)[1])
    assert "sai cú pháp TOML ở dòng 1" in line and is_vietnamese(line), line
    line = _error_line(_run(capsys, tmp_path / "absent.toml")[1])
    assert "Không mở được tệp cấu hình loa" in line, line
    broken.write_text('device_id = "loa-1"\nzones = "thon-1"\nbroker = "mqtt://x"\ntrusted_keys = "k"\n', encoding="utf-8")
    line = _error_line(_run(capsys, broken)[1])
    assert "sai kiểu ở thiết lập: zones, trusted_keys" in line and is_vietnamese(line), line


def test_an_unwritable_data_dir_is_said_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _device(tmp_path, "mqtt://127.0.0.1:1")
    (tmp_path / "file").write_text("x")
    config.write_text(config.read_text().replace((tmp_path / "agent").as_posix(), (tmp_path / "file" / "agent").as_posix()))
    line = _error_line(_run(capsys, config)[1])
    assert "Không tạo được thư mục dữ liệu của loa" in line and is_vietnamese(line), line


def test_a_bad_trusted_key_is_said_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _device(tmp_path, "mqtt://127.0.0.1:1")
    config.write_text(config.read_text().replace('k1 = "', 'k1 = "x'), encoding="utf-8")
    line = _error_line(_run(capsys, config)[1])
    assert "Khóa tin cậy “k1”" in line and is_vietnamese(line), line


def test_no_player_warns_and_an_unreachable_broker_is_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _device(tmp_path, f"mqtt://127.0.0.1:{free_port()}")
    code, err = _run(capsys, config)
    assert code == 2
    assert "Không tìm thấy trình phát âm thanh (no-such-player-xyz): loa sẽ không phát ra tiếng" in err, err
    line = _error_line(err)
    assert "Không kết nối được tới máy chủ MQTT" in line and not ENGLISH_WORDS.search(line) and "WARNING" not in err, err


def test_a_refused_password_points_at_export_acl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()
    passwd = tmp_path / "passwd"
    subprocess.run(["mosquitto_passwd", "-c", "-b", str(passwd), "loa-1", "right"], check=True, timeout=30, capture_output=True)
    passwd.chmod(0o600)
    conf = tmp_path / "mosquitto.conf"
    keep_user = "user root\n" if os.geteuid() == 0 else ""  # as root Mosquitto would drop to a user who cannot read tmp
    conf.write_text(f"listener {port} 127.0.0.1\nallow_anonymous false\npassword_file {passwd}\n{keep_user}", encoding="utf-8")
    with MosquittoProcess(conf, port):
        config = _device(tmp_path, f"mqtt://loa-1:wrong@127.0.0.1:{port}", player='["sh", "-c", "true"]')
        code, err = _run(capsys, config)
    line = _error_line(err)
    assert code == 2 and "từ chối tên đăng nhập hoặc mật khẩu của loa" in line and "export-acl" in line, err
    assert "wrong" not in err and "WARNING" not in err and "Không tìm thấy trình phát" not in err
