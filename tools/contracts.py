"""An import-linter contract type: apps are used only through their public modules.

``docs/architecture.md``: an app's public surface is ``services``, ``selectors``,
``permissions``, ``models`` and ``constants`` (the models are there for foreign keys and
querysets; state changes still go through services). Everything else in an app (views,
forms, APIs, internal helpers) is private to it. This contract reports every import from
outside an app into a module that is not public. The project package may also import
what it wires together (URLs, websocket routing).
"""

from __future__ import annotations

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


class PublicSurfaceContract(Contract):
    """Configuration options:

    - ``apps``: the apps whose surface is checked.
    - ``public``: submodule names other apps may import (``services`` covers only the
      module or package ``app.services`` itself, not ``app.services.cases``).
    - ``extra_public``: full module names that are public as well.
    - ``wiring_importers`` and ``wiring``: packages that may also import the named
      submodules (the project package importing ``urls`` and ``routing``).
    """

    type_name = "public_surface"

    apps = fields.ListField(subfield=fields.StringField())
    public = fields.ListField(subfield=fields.StringField())
    extra_public = fields.ListField(subfield=fields.StringField(), required=False)
    wiring_importers = fields.ListField(subfield=fields.StringField(), required=False)
    wiring = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        # The fields hold lists of strings once the contract is configured.
        apps: list[str] = list(self.apps)  # type: ignore[call-overload]
        public: set[str] = set(self.public)  # type: ignore[call-overload]
        extra: set[str] = set(self.extra_public or [])  # type: ignore[arg-type]
        wiring_importers: set[str] = set(self.wiring_importers or [])  # type: ignore[arg-type]
        wiring: set[str] = set(self.wiring or [])  # type: ignore[arg-type]
        broken = []
        for app in apps:
            modules = {app} | graph.find_descendants(app)
            for imported in sorted(modules):
                parts = imported.split(".")
                if imported == app or imported in extra:
                    continue
                if len(parts) == 2 and parts[1] in public:
                    continue
                for importer in sorted(
                    graph.find_modules_that_directly_import(imported)
                ):
                    root = importer.split(".")[0]
                    if root == app:
                        continue
                    if (
                        root in wiring_importers
                        and len(parts) == 2
                        and parts[1] in wiring
                    ):
                        continue
                    details = graph.get_import_details(
                        importer=importer, imported=imported
                    )
                    lines = ", ".join(str(d["line_number"]) for d in details)
                    broken.append((importer, imported, lines))
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, imported, lines in check.metadata["broken"]:
            output.print_error(f"- {importer} -> {imported} (l.{lines})", bold=False)
            output.new_line()
        output.print_error(
            "Import the app's services, selectors, permissions, models or constants "
            "instead (docs/architecture.md).",
            bold=False,
        )
