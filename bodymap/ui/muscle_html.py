"""A muscle as readable HTML, for the detail panel and the client handout.

Plain functions of the data, so what the panel shows and what the handout prints agree.
Headings say what a person wants to know ("Where it sends pain"), never field names.
"""

from __future__ import annotations

from html import escape

from bodymap.knowledge import KnowledgeBase, Muscle, Zone


def _list(items) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}"


def referral_html(kb: KnowledgeBase, muscle: Muscle) -> str:
    """The referral pattern in words, and the regions split into essential and spillover."""
    html = f"<p>{escape(muscle.pain_pattern)}</p>"
    for zone, title in ((Zone.ESSENTIAL, "Main pain zone"), (Zone.SPILLOVER, "Can spread to")):
        # Labels may contain commas ("Back of the thigh, outer side"), so list them with semicolons.
        labels = [kb.region(r.region).label.lower() for r in muscle.referral if r.zone is zone]
        if labels:
            html += f"<p><b>{title}:</b> {escape('; '.join(labels))}.</p>"
    return html


def self_care_html(muscle: Muscle) -> str:
    """Self-release techniques and stretches, step by step."""
    html = ""
    for t in muscle.self_release:
        html += (
            f"<p><b>With {escape(t.tool.value)}.</b> {escape(t.position)}</p>"
            f"<p>{escape(t.steps)}</p>"
            f"<p><i>Pressure:</i> {escape(t.pressure)}<br><i>How long:</i> {escape(t.duration)}</p>"
        )
    for s in muscle.stretches:
        html += f"<p><b>Stretch: {escape(s.name)}.</b> {escape(s.steps)} <i>Hold:</i> {escape(s.hold)}</p>"
    return html


def muscle_html(kb: KnowledgeBase, muscle: Muscle, why: str | None = None, note: str | None = None) -> str:
    """The whole detail view of one muscle."""
    depth = "deep muscle" if muscle.depth.value == "deep" else "muscle near the surface"
    parts = [
        f"<h2>{escape(muscle.name)}</h2>",
        f"<p class='sub'><i>{escape(muscle.latin)}</i> &middot; {escape(muscle.group)} &middot; {depth}</p>",
    ]
    if why:
        parts.append(f"<p class='why'>Listed because it {escape(why)}.</p>")
    if note:
        parts.append(_section("Your therapist's note", f"<p>{escape(note)}</p>"))
    parts += [
        _section("Where it sends pain", referral_html(kb, muscle)),
        _section("Where its trigger points are", _list(p.location for p in muscle.trigger_points)),
        _section("What you may notice", _list(muscle.symptoms)),
        _section("What keeps it going", _list(muscle.perpetuating_factors)),
        _section("Release it yourself", self_care_html(muscle)),
        _section("Be careful", _list(muscle.cautions)),
    ]
    if muscle.good_to_know:
        parts.append(_section("Good to know", _list(muscle.good_to_know)))
    parts += [
        _section(
            "Anatomy",
            f"<p><b>Starts (origin):</b> {escape(muscle.origin)}</p>"
            f"<p><b>Attaches (insertion):</b> {escape(muscle.insertion)}</p>"
            f"<p><b>What it does:</b></p>{_list(muscle.actions)}"
            f"<p><b>Nerve supply:</b> {escape(muscle.innervation)}</p>",
        ),
        _section("Sources", _list(f"{s.reference}, {s.section}" for s in muscle.sources)),
    ]
    return "".join(parts)
