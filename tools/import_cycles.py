"""Import cycles and function-level imports inside one package (issue 12, step 6).

import-linter reports broken contracts, not cycles. This script reads the package's
modules with ``ast``, builds the graph of its internal imports (module-level and
function-level alike, since a function-level import is still a dependency), and prints
the strongly connected components with more than one module (Tarjan) and the
function-level import statements, each with its file and line.

    .venv/bin/python tools/import_cycles.py socialekaart [--list] [--seam A->B]

``--seam socialekaart.models.pages->socialekaart.views`` leaves out the imports from
``A`` (or a module under it) of ``B``: a documented seam (pages route into views).

Migrations are skipped. An import of a package counts as an import of its
``__init__``; ``from pkg import name`` counts as an import of ``pkg.name`` when that is a
module.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def collect(package: str) -> tuple[dict[str, Path], dict[str, bool]]:
    root = Path(package)
    modules: dict[str, Path] = {}
    is_package: dict[str, bool] = {}
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        name = module_name(path, root)
        modules[name] = path
        is_package[name] = path.name == "__init__.py"
    return modules, is_package


def resolve(node: ast.ImportFrom, current: str, is_pkg: bool) -> str:
    if not node.level:
        return node.module or ""
    base = current.split(".")
    if not is_pkg:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(
    name: str, path: Path, modules: dict[str, Path], is_package: dict[str, bool]
) -> list[tuple[list[str], int, bool]]:
    """(internal modules imported, line, inside a function) for each import statement."""
    tree = ast.parse(path.read_text(), str(path))
    found: list[tuple[list[str], int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            if isinstance(child, ast.Import):
                targets = []
                for alias in child.names:
                    target = alias.name
                    while target and target not in modules:
                        target = target.rpartition(".")[0]
                    targets.append(target)
                found.append((targets, child.lineno, nested))
            elif isinstance(child, ast.ImportFrom):
                base = resolve(child, name, is_package[name])
                targets = []
                for alias in child.names:
                    target = f"{base}.{alias.name}"
                    if target not in modules:
                        target = base
                        while target and target not in modules:
                            target = target.rpartition(".")[0]
                    targets.append(target)
                found.append((targets, child.lineno, nested))
            else:
                visit(child, nested)

    visit(tree, False)
    return found


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    sys.setrecursionlimit(10_000)

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return components


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package")
    parser.add_argument("--list", action="store_true", help="list each import")
    parser.add_argument("--seam", action="append", default=[], metavar="A->B")
    args = parser.parse_args()
    modules, is_package = collect(args.package)
    seams = [tuple(seam.split("->")) for seam in args.seam]
    graph: dict[str, set[str]] = {name: set() for name in modules}
    function_level: list[tuple[str, int, str]] = []
    for name, path in modules.items():
        for targets, line, nested in imports_of(name, path, modules, is_package):
            internal_targets = sorted({t for t in targets if t})
            if nested:
                shown = ", ".join(internal_targets) or "(external)"
                function_level.append((str(path), line, shown))
            graph[name].update(
                t
                for t in internal_targets
                if t != name
                and not any(
                    (name == a or name.startswith(f"{a}.")) and t == b for a, b in seams
                )
            )
    cycles = [c for c in strongly_connected(graph) if len(c) > 1]
    internal = sum(1 for *_, t in function_level if t != "(external)")
    out = [
        f"{args.package}: {len(modules)} modules, {len(function_level)} function-level "
        f"import statements ({internal} of them internal)"
    ]
    for component in sorted(cycles, key=len, reverse=True):
        out.append(f"cycle of {len(component)} modules: {', '.join(component)}")
    if not cycles:
        out.append("no import cycles")
    if args.list:
        out.extend(f"  {p}:{line} -> {t}" for p, line, t in sorted(function_level))
    sys.stdout.write("\n".join(out) + "\n")
    return 1 if cycles else 0


if __name__ == "__main__":
    raise SystemExit(main())
