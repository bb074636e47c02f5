"""The guide "Welke stap nu?": routing as data, unfolded into one static page per path.

Each page's address is the list of answers given so far (``/welke-stap-nu/loopt-al/bemiddeld/``),
so every question and result has its own URL, the browser's Back button works, and the page can
show "Uw antwoorden" for exactly the path that led to it. The routing must form a tree-shaped
walk without cycles; guide_checks.py makes sure of that (and more) before anything is built.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.content.model import Antwoord, Tip, Uitkomst, Vraag, Wegwijzer


@dataclass(frozen=True)
class Given:
    """One answer on the way to a page, with the path of the page where it was given."""

    vraag: Vraag
    antwoord: Antwoord
    path: tuple[str, ...]


@dataclass(frozen=True)
class GuidePage:
    path: tuple[str, ...]
    node: Vraag | Uitkomst
    given: tuple[Given, ...]

    @property
    def is_outcome(self) -> bool:
        return isinstance(self.node, Uitkomst)


class Guide:
    def __init__(self, wegwijzer: Wegwijzer):
        self.wegwijzer = wegwijzer
        self.vragen = {v.id: v for v in wegwijzer.vragen}
        self.uitkomsten = {u.id: u for u in wegwijzer.uitkomsten}
        self.tips = {t.id: t for t in wegwijzer.tips}

    def node(self, node_id: str) -> Vraag | Uitkomst:
        return self.vragen.get(node_id) or self.uitkomsten[node_id]

    def pages(self) -> Iterator[GuidePage]:
        """Every page, depth first, starting with the first question."""

        def visit(node_id: str, path: tuple[str, ...], given: tuple[Given, ...]):
            node = self.node(node_id)
            yield GuidePage(path, node, given)
            if isinstance(node, Vraag):
                for antwoord in node.antwoorden:
                    yield from visit(
                        antwoord.naar,
                        (*path, antwoord.id),
                        (*given, Given(node, antwoord, path)),
                    )

        yield from visit(self.wegwijzer.start, (), ())

    def walk(self, answers: list[str]) -> tuple[Vraag | Uitkomst, list[Given]]:
        """Follow answer ids from the start. Raises KeyError on an answer that does not exist
        at that point, naming the question."""
        node = self.node(self.wegwijzer.start)
        given: list[Given] = []
        path: tuple[str, ...] = ()
        for answer_id in answers:
            if not isinstance(node, Vraag):
                raise KeyError(f"na de uitkomst '{node.id}' komen geen vragen meer")
            antwoord = next((a for a in node.antwoorden if a.id == answer_id), None)
            if antwoord is None:
                raise KeyError(
                    f"de vraag '{node.id}' heeft geen antwoord '{answer_id}' (wel: "
                    + ", ".join(a.id for a in node.antwoorden)
                    + ")"
                )
            given.append(Given(node, antwoord, path))
            path = (*path, answer_id)
            node = self.node(antwoord.naar)
        return node, given

    def continue_options(self, uitkomst: Uitkomst) -> list[Antwoord]:
        """Where a teacher picks up the guide after an outcome outside the step plan: every
        answer on the path's last question that leads where ``verder`` leads (after a fight,
        'I saw it', 'someone told me' and 'online' all continue at the same question), so the
        answers shown later are the ones the teacher really gave."""
        if not uitkomst.verder:
            return []
        *before, last = uitkomst.verder
        question, _ = self.walk(before)
        assert isinstance(question, Vraag)
        target = next(a.naar for a in question.antwoorden if a.id == last)
        return [a for a in question.antwoorden if a.naar == target]

    def tips_for(self, page: GuidePage) -> list[Tip]:
        """The tips an outcome page shows: those of the answers that led to it, then the
        outcome's own, each once, in that order."""
        ids = [tip for g in page.given for tip in g.antwoord.tips]
        if isinstance(page.node, Uitkomst):
            ids += page.node.tips
        return [self.tips[tip] for tip in dict.fromkeys(ids)]
