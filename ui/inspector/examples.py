"""What the Inspector's Examples menu offers: every example each family's catalogue lists
(resources/examples/<family>/examples.yaml), as text to paste, and one captured HTTP request.

The organisation document prints bodies only ("以下示例省略这些公共字段"): such a body is
offered inside the envelope the same document sketches, with its own type, so that it reads
as the push it is. Work-order data examples stay bare, as printed: the inspector says which
changeId it takes them for.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path

from app.catalog import default_catalog

#: The families with shipped examples, in menu order, and the module that knows their folder.
FAMILIES = {"workorder": "app.catalog.workorder", "org": "app.catalog.org",
            "rich": "app.catalog.rich", "wecom": "app.catalog.wecom"}
#: The example of each family a new user is offered first.
FEATURED = {"workorder": "envelope-changeId-1", "org": "body-202", "rich": "request",
            "wecom": "text"}
#: The id of the captured HTTP request example (a rich-message request, no Accept header).
CAPTURED = "captured/rich-request"


@dataclass(frozen=True, slots=True)
class Sample:
    id: str  # "<family>/<example id>"
    family: str
    title: str
    note: str
    path: Path
    kind: str
    message_type: str

    def text(self) -> str:
        """The text to paste (read from the file each time: it is small)."""
        raw = self.path.read_text(encoding="utf-8")
        if self.family == "org" and self.kind == "body":
            envelope = json.loads((self.path.parent / "envelope.json").read_text(
                encoding="utf-8"))
            envelope.update(body=json.loads(raw), type=int(self.message_type))
            return json.dumps(envelope, ensure_ascii=False, indent=4) + "\n"
        return raw


def examples_dir(family: str) -> Path:
    return Path(importlib.import_module(FAMILIES[family]).EXAMPLES_DIR)


def samples() -> dict[str, list[Sample]]:
    """Family id → its examples, as its catalogue lists them."""
    catalog = default_catalog()
    out: dict[str, list[Sample]] = {}
    for family in FAMILIES:
        fam = catalog.families.get(family)
        if fam is None:
            continue
        folder = examples_dir(family)
        out[family] = [Sample(f"{family}/{e.id}", family, e.title, e.note, folder / e.path,
                              e.kind, e.message_type) for e in fam.examples]
    return out


def sample(sample_id: str) -> Sample:
    """One example by id (``workorder/envelope-changeId-1``); KeyError when there is none."""
    family = sample_id.partition("/")[0]
    for s in samples().get(family, []):
        if s.id == sample_id:
            return s
    raise KeyError(sample_id)


def featured() -> list[Sample]:
    """One example per family, for the empty state's buttons."""
    return [sample(f"{family}/{example}") for family, example in FEATURED.items()
            if family in samples()]


def captured_request() -> str:
    """The rich-message example as a captured request to POST /orgs/123/messages: with its
    Content-Type and token, without the Accept header the document requires."""
    body = sample("rich/request").text().rstrip("\n")
    return ("POST /orgs/123/messages HTTP/1.1\n"
            "Host: 127.0.0.1:8470\n"
            "Content-Type: application/json\n"
            "Authorization: Bearer 2f4e9c0d51b7\n"
            "\n" + body + "\n")


def text_of(sample_id: str) -> str:
    """The text of an example id, including CAPTURED."""
    return captured_request() if sample_id == CAPTURED else sample(sample_id).text()
