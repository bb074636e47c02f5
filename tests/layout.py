"""Geometry checks shared by the flowchart tests: nothing overlaps, no line runs through text."""

from __future__ import annotations

from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # x, y, width, height


@dataclass(frozen=True)
class Drawing:
    boxes: list[Rect]
    box_texts: list[list[Rect]]  # The text of each box.
    labels: list[Rect]  # Texts outside boxes (on the lines).
    segments: list[tuple[float, float, float, float]]  # Straight pieces of the lines.


def overlap(a: Rect, b: Rect, margin: float = 0.0) -> bool:
    return (
        a[0] < b[0] + b[2] - margin
        and b[0] < a[0] + a[2] - margin
        and a[1] < b[1] + b[3] - margin
        and b[1] < a[1] + a[3] - margin
    )


def inside(inner: Rect, outer: Rect, tolerance: float = 0.5) -> bool:
    return (
        inner[0] >= outer[0] - tolerance
        and inner[1] >= outer[1] - tolerance
        and inner[0] + inner[2] <= outer[0] + outer[2] + tolerance
        and inner[1] + inner[3] <= outer[1] + outer[3] + tolerance
    )


def segment_rect(segment: tuple[float, float, float, float]) -> Rect:
    x1, y1, x2, y2 = segment
    return (min(x1, x2), min(y1, y2), abs(x2 - x1) or 0.01, abs(y2 - y1) or 0.01)


def problems(drawing: Drawing) -> list[str]:
    found: list[str] = []
    boxes = drawing.boxes
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            if overlap(a, boxes[j]):
                found.append(f"boxes {i} and {j} overlap: {a} {boxes[j]}")
        for t in drawing.box_texts[i]:
            if not inside(t, a):
                found.append(f"text {t} sticks out of box {i} {a}")
    texts = drawing.labels + [t for ts in drawing.box_texts for t in ts]
    for i, label in enumerate(drawing.labels):
        for j, box in enumerate(boxes):
            if overlap(label, box):
                found.append(f"label {label} overlaps box {j} {box}")
        for other in drawing.labels[i + 1 :]:
            if overlap(label, other):
                found.append(f"labels overlap: {label} {other}")
    for segment in drawing.segments:
        seg = segment_rect(segment)
        for text in texts:
            if overlap(seg, text):
                found.append(f"line {segment} runs through text {text}")
        for j, box in enumerate(boxes):
            shrunk = (box[0] + 1, box[1] + 1, box[2] - 2, box[3] - 2)
            if overlap(seg, shrunk):
                found.append(f"line {segment} runs through box {j} {box}")
    return found
