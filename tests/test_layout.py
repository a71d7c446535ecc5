"""The house rules of docs/architecture.md, read from the code itself (issue 20).

A file you can read in one sitting (≤ 400 lines), a function per step (≤ 60 lines), the wings'
import rule, and the short list of what a front door may take from a stage without `app`.
Each assertion names what broke it, so that the fix is a split or a call through `app`, not a
longer list here.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PRODUCT = ("broadcaster", "scripts", "tts", "media", "schedules", "devices", "bench")
STAGES = ("scripts", "tts", "media", "schedules", "devices")
FRONT_DOORS = ("broadcaster.web", "broadcaster.cli")
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 400, 60

# What a front door may take from a stage: its error types and messages (to say them), and a
# stage run as a tool with no store and no product rule — the file commands (draft, speak, render),
# the device side (agent, simulate, the demo's fleet), playlists of a plan already made.
TOOLS = {
    "broadcaster.cli.stages": STAGES,
    "broadcaster.cli.devices": ("devices",),
    "broadcaster.cli.demo": STAGES,
    "broadcaster.cli.schedule": ("schedules.playlist",),
    "broadcaster.cli.service": ("devices.broker",),
    "broadcaster.web.programmes": ("scripts.header",),
    "broadcaster.web.spreadsheets": ("scripts.sandbox", "scripts.sheets"),
    "broadcaster.web.bulletin_pages": ("media.store",),
    "broadcaster.web.today": ("schedules.model",),
}


def _modules() -> dict[str, tuple[Path, ast.Module]]:
    found = {}
    for package in PRODUCT:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue  # alembic's frozen history
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            found[name] = (path, ast.parse(path.read_text(encoding="utf-8")))
    return found


MODULES = _modules()


def _imports(tree: ast.Module) -> list[tuple[str, list[str]]]:
    """Every absolute import, at any depth (the CLI imports lazily inside functions)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            out.extend((alias.name, []) for alias in node.names)
    return out


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_every_module_reads_in_one_sitting_and_every_function_is_one_step() -> None:
    long_modules = [
        f"{path.relative_to(ROOT)} {n}"
        for path, _ in MODULES.values()
        if (n := path.read_text(encoding="utf-8").count("\n")) > MAX_MODULE_LINES
    ]
    long_functions = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name} {length}"
        for path, tree in MODULES.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := (node.end_lineno or node.lineno) - node.lineno + 1) > MAX_FUNCTION_LINES
    ]
    assert long_modules == [], f"modules over {MAX_MODULE_LINES} lines: split along their concepts"
    assert long_functions == [], f"functions over {MAX_FUNCTION_LINES} lines: one function per step"


def test_the_wings_import_as_the_architecture_says() -> None:
    broken = []
    for name, (_, tree) in MODULES.items():
        for target, _names in _imports(tree):
            if _within(name, STAGES) and _within(target, ("broadcaster",)):
                broken.append(f"stage {name} imports {target}")
            if _within(name, ("broadcaster.app",)) and _within(target, (*FRONT_DOORS, "broadcaster.service")):
                broken.append(f"app {name} imports {target}")
            if _within(name, ("broadcaster.store",)) and _within(target, ("broadcaster.app", "broadcaster.service")):
                broken.append(f"store {name} imports {target}")
            starts_service = name in ("broadcaster.cli.service", "broadcaster.cli.demo")
            if _within(name, FRONT_DOORS) and _within(target, ("broadcaster.service",)) and not starts_service:
                broken.append(f"front door {name} imports the service {target}")
    assert broken == []


def test_a_front_door_takes_from_a_stage_only_what_it_may() -> None:
    """Errors and their messages are said by every door; anything else goes through `app`."""
    broken = []
    for name, (_, tree) in MODULES.items():
        if not _within(name, FRONT_DOORS):
            continue
        for target, names in _imports(tree):
            if not _within(target, STAGES):
                continue
            said = target.endswith((".errors", ".messages")) or all(n.endswith(("Error", "Refused")) for n in names)
            if names and said or _within(target, TOOLS.get(name, ())):
                continue
            broken.append(f"{name}: from {target} import {', '.join(names) or '*'}")
    assert broken == [], "call the stage through app, or say in TOOLS why this door runs it as a tool"


def test_the_rules_see_what_they_check() -> None:
    """The checks above would pass on an empty tree: make sure they read the real one."""
    assert {"broadcaster.app.bookings", "broadcaster.web.app", "broadcaster.cli.entry", "scripts.legal"} <= set(MODULES)
    stage_imports = [t for t, _ in _imports(MODULES["broadcaster.cli.stages"][1]) if _within(t, STAGES)]
    assert stage_imports, "the CLI's file commands run stages: the import walk must see lazy imports"


def test_no_docstring_is_lost_behind_a_statement() -> None:
    """A string standing alone after a function's first statement is a docstring Python never sees
    (``help()``, the API's OpenAPI description): it was meant to come first."""
    lost = [
        f"{path.relative_to(ROOT)}:{stmt.lineno} in {node.name}"
        for path, tree in MODULES.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for stmt in node.body[1:2]
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)
    ]
    assert lost == [], "docstrings after a statement: move them first"
