"""The schema, loaded once from `graph/schema/schema.yaml` into frozen objects.

Every other part of govkg (extractors, the networkx graph, the LadybugDB tables, the
Neo4j constraints, the RDF export, the UI legends) asks this module for labels,
relationship types and their Chinese terms instead of spelling them itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import yaml

__all__ = ["NodeLabel", "RelType", "TimelineSpec", "PlaceSpec", "Schema", "load_schema", "SCHEMA"]

SCHEMA_PATH = Path(__file__).parent / "schema" / "schema.yaml"


@dataclass(frozen=True)
class NodeLabel:
    """A node label such as Person, with its properties and RDF class."""

    name: str
    zh: str
    rdf: str
    color: str
    properties: Mapping[str, str]
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelType:
    """A relationship type such as IN_CHARGE_OF (分管)."""

    name: str
    zh: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    rdf: str
    properties: Mapping[str, str] = field(default_factory=dict)
    triggers: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    timeline: str | None = None   # a key of Schema.timelines; None: structure, not a fact in time
    exclusive: bool = False       # one holder per object at a time (分管 a bureau, 主持 a government)


@dataclass(frozen=True)
class TimelineSpec:
    """How facts of one timeline start and end (see `timelines:` in schema.yaml)."""

    starts: tuple[str, ...] = ()        # document types whose statements put a fact in force
    start_terms: tuple[str, ...] = ()   # assertion terms that start one (任命)
    end_terms: tuple[str, ...] = ()     # assertion terms that end one (免去, 不再担任)


@dataclass(frozen=True)
class PlaceSpec:
    """What a place is in the graph (see `place:` in schema.yaml): the property naming it."""

    property: str = "place"
    type: str = "STRING"


@dataclass(frozen=True)
class Schema:
    """All labels and relationship types, with lookups by name and by Chinese term."""

    namespaces: Mapping[str, str]
    nodes: Mapping[str, NodeLabel]
    relationships: Mapping[str, RelType]
    provenance: Mapping[str, str]
    appointment_actions: Mapping[str, str]
    document_types: Mapping[str, str]
    timelines: Mapping[str, TimelineSpec] = field(default_factory=dict)
    place: PlaceSpec = field(default_factory=PlaceSpec)

    @property
    def place_labels(self) -> tuple[str, ...]:
        """The labels whose nodes carry a place (Person, Organization, TaskForce, Area …)."""
        return tuple(n.name for n in self.nodes.values() if self.place.property in n.properties)

    def rel_by_zh(self, zh: str) -> RelType:
        """The relationship type whose Chinese term is `zh` (e.g. "分管")."""
        for rel in self.relationships.values():
            if rel.zh == zh:
                return rel
        raise KeyError(f"no relationship type for Chinese term {zh!r}")

    @property
    def zh_terms(self) -> dict[str, str]:
        """Chinese term -> relationship type name."""
        return {rel.zh: rel.name for rel in self.relationships.values()}

    def rel_properties(self, rel: str) -> dict[str, str]:
        """Provenance properties plus the relationship's own, in a stable order."""
        return {**self.provenance, **self.relationships[rel].properties}


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)  # type: ignore[arg-type]


@lru_cache(maxsize=None)
def load_schema(path: Path = SCHEMA_PATH) -> Schema:
    """Read the schema file once and return frozen objects."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    nodes = {
        name: NodeLabel(
            name=name,
            zh=spec["zh"],
            rdf=spec["rdf"],
            color=spec.get("color", "#999999"),
            properties=dict(spec.get("properties", {})),
            kinds=_as_tuple(spec.get("kinds")),
        )
        for name, spec in raw["nodes"].items()
    }
    rels = {
        name: RelType(
            name=name,
            zh=spec["zh"],
            sources=_as_tuple(spec["from"]),
            targets=_as_tuple(spec["to"]),
            rdf=spec["rdf"],
            properties=dict(spec.get("properties", {})),
            triggers=_as_tuple(spec.get("triggers")),
            roles=_as_tuple(spec.get("roles")),
            timeline=spec.get("timeline"),
            exclusive=bool(spec.get("exclusive", False)),
        )
        for name, spec in raw["relationships"].items()
    }
    for rel in rels.values():
        for label in rel.sources + rel.targets:
            if label not in nodes:
                raise ValueError(f"schema: {rel.name} refers to unknown label {label}")
    timelines = {name: TimelineSpec(_as_tuple(spec.get("starts")), _as_tuple(spec.get("start_terms")),
                                    _as_tuple(spec.get("end_terms")))
                 for name, spec in raw.get("timelines", {}).items()}
    for rel in rels.values():
        if rel.timeline is not None and rel.timeline not in timelines:
            raise ValueError(f"schema: {rel.name} has unknown timeline {rel.timeline}")
    for spec in timelines.values():
        for doc_type in spec.starts:
            if doc_type not in raw["document_types"]:
                raise ValueError(f"schema: timelines name unknown document type {doc_type}")
    place = PlaceSpec(**raw.get("place", {}))
    for node in nodes.values():
        if place.property in node.properties and node.properties[place.property] != place.type:
            raise ValueError(f"schema: {node.name}.{place.property} is not {place.type}")
    return Schema(
        namespaces=dict(raw["namespaces"]),
        nodes=nodes,
        relationships=rels,
        provenance=dict(raw["provenance"]),
        appointment_actions=dict(raw["appointment_actions"]),
        document_types=dict(raw["document_types"]),
        timelines=timelines,
        place=place,
    )


SCHEMA = load_schema()
