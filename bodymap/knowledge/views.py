"""The diagrams as data: which views exist, what each shows, and how they are grouped on screen.

A view (the front of the body, the face, the hands from the palm side...) is an entry in
``data/views.toml``, not a branch in the code: the scene lays out any of them, the command
line's ``--view`` choices and the window's view menu are generated from them, and a close-up
is added by drawing its SVG and declaring it here.
"""

from __future__ import annotations

from enum import Enum

from pydantic import Field, model_validator

from bodymap.knowledge.model import Frozen, Id, SchemaVersion, Side, Text


class ViewKind(str, Enum):
    """A whole-body figure, or a close-up of one part drawn larger."""

    BODY = "body"
    CLOSEUP = "closeup"


class Caption(Frozen):
    """A word naming the person's side, drawn on a view so nobody mixes up left and right."""

    side: Side = Field(description="The person's side the caption names.")
    x: float = Field(ge=0, description="Where the caption's centre sits, in the view's drawing units.")
    y: float = Field(ge=0, description="Top of the caption, in the view's drawing units.")


class ViewSpec(Frozen):
    """One diagram: a file in assets/ and what it shows."""

    id: Id
    title: Text = Field(description="Name shown above the drawing and in the view menu, e.g. 'Hands, palm side'.")
    file: str = Field(pattern=r"^[a-z0-9_]+\.svg$", description="The SVG file in assets/ that draws this view.")
    kind: ViewKind = Field(description="'body' for a whole figure, 'closeup' for one part drawn larger.")
    closeups: tuple[Id, ...] = Field(
        default=(),
        description="Close-up views or closer layouts this one leads to: a magnifier is drawn over the "
        "regions they share with it, and tapping it opens them.",
    )
    captions: tuple[Caption, ...] = Field(
        default=(), description="Side names drawn on the view ('Left', 'Right'), where the person's sides are."
    )


class Layout(Frozen):
    """What the window can show under one name: several views side by side, each view alone, or part
    of one view drawn larger (a crop: the knees of the front view)."""

    id: Id
    title: Text = Field(description="Name in the view menu, e.g. 'Front and back'.")
    views: tuple[Id, ...] = Field(min_length=1, description="Ids of the views shown, left to right.")
    crop: tuple[float, float, float, float] | None = Field(
        default=None,
        description="For a layout of one view: the part shown, as [x0, y0, x1, y1] in the view's drawing units.",
    )

    @model_validator(mode="after")
    def _one_view_to_crop(self) -> Layout:
        if self.crop is not None:
            x0, y0, x1, y1 = self.crop
            if len(self.views) != 1 or not (x0 < x1 and y0 < y1):
                raise ValueError(
                    "a crop shows part of one view: give one view and [x0, y0, x1, y1] with x0 < x1, y0 < y1"
                )
        elif len(self.views) < 2:
            raise ValueError("a layout without a crop shows two views or more (each view alone is a layout already)")
        return self


class ViewFile(Frozen):
    """The layout of ``data/views.toml``."""

    schema_version: SchemaVersion
    default_layout: Id = Field(description="The layout a new window opens with.")
    view: tuple[ViewSpec, ...] = Field(min_length=1, description="Every diagram, in menu order.")
    layout: tuple[Layout, ...] = Field(default=(), description="Combinations of views shown side by side.")

    @model_validator(mode="after")
    def _references(self) -> ViewFile:
        ids = [v.id for v in self.view]
        layout_ids = [layout.id for layout in self.layout]
        doubles = sorted({i for i in ids + layout_ids if (ids + layout_ids).count(i) > 1})
        if doubles:
            raise ValueError(f"view or layout id(s) used twice: {', '.join(doubles)}")
        for view in self.view:
            for target in view.closeups:
                if target not in ids + layout_ids:
                    raise ValueError(f"view '{view.id}' leads to close-up '{target}', which is not declared")
        for layout in self.layout:
            for target in layout.views:
                if target not in ids:
                    raise ValueError(f"layout '{layout.id}' shows view '{target}', which is not declared")
        if self.default_layout not in ids + layout_ids:
            raise ValueError(f"default_layout '{self.default_layout}' is neither a view nor a layout")
        return self

    def layouts(self) -> dict[str, Layout]:
        """Every way the diagrams can be shown, by id: the declared combinations, then each view alone."""
        combined = {layout.id: layout for layout in self.layout if layout.crop is None}
        alone = {v.id: Layout.model_construct(id=v.id, title=v.title, views=(v.id,), crop=None) for v in self.view}
        crops = {layout.id: layout for layout in self.layout if layout.crop is not None}
        return combined | alone | crops
