"""A muscle as readable HTML, for the detail panel and the client handout.

Plain functions of the data, so what the panel shows and what the handout prints agree.
Headings say what a person wants to know ("Where it sends pain"), never field names. Each
self-release technique names the general cautions that concern it right where it is described.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from bodymap import wording
from bodymap.i18n import _
from bodymap.knowledge import KnowledgeBase, Muscle, Zone
from bodymap.knowledge.model import GeneralCaution, Safety


def bullet_list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}"


def referral_html(kb: KnowledgeBase, muscle: Muscle) -> str:
    """The referral pattern in words, and the regions of each zone."""
    html = f"<p>{escape(muscle.pain_pattern)}</p>"
    for zone, title in ((Zone.ESSENTIAL, _("Main pain zone")), (Zone.SPILLOVER, _("Pain can spread to"))):
        places = wording.referral_summary(kb, muscle, zone)
        if places:
            html += (
                "<p>"
                + escape(_("{title}: {places}.").format(title=title, places=places)).replace(
                    escape(title), f"<b>{escape(title)}</b>", 1
                )
                + "</p>"
            )
    return html


def _caution_links(cautions: tuple[GeneralCaution, ...]) -> str:
    if not cautions:
        return ""
    names = wording.listing([c.title.lower() for c in cautions])
    said = _("Take care with: {cautions} (see Before you start).").format(cautions=names)
    return f"<p class='caution'>{escape(said)}</p>"


def self_care_html(safety: Safety, muscle: Muscle) -> str:
    """Self-release techniques and stretches, step by step, each with the cautions that concern it."""
    html = ""
    for t in muscle.self_release:
        html += (
            f"<p><b>{escape(wording.tool_heading(t.tool))}.</b> {escape(t.position)}</p>"
            f"<p>{escape(t.steps)}</p>"
            f"<p><i>" + escape(_("Pressure:")) + f"</i> {escape(t.pressure)}<br>"
            f"<i>"
            + escape(_("How long:"))
            + f"</i> {escape(t.duration)}</p>"
            + _caution_links(safety.cautions_for(t, muscle))
        )
    for s in muscle.stretches:
        html += (
            "<p><b>" + escape(_("Stretch: {name}.").format(name=s.name)) + f"</b> {escape(s.steps)} "
            f"<i>" + escape(_("Hold:")) + f"</i> {escape(s.hold)}</p>" + _caution_links(safety.cautions_for(s, muscle))
        )
    return html


def general_cautions_html(safety: Safety, muscle: Muscle) -> str:
    """The general cautions that concern this muscle's techniques, each explained once."""
    return "".join(f"<p><b>{escape(c.title)}.</b> {escape(c.text)}</p>" for c in safety.cautions_of(muscle))


def muscle_html(kb: KnowledgeBase, muscle: Muscle, why: str | None = None, note: str | None = None) -> str:
    """The whole detail view of one muscle."""
    parts = [
        f"<h2>{escape(muscle.name)}</h2>",
        f"<p class='sub'><i>{escape(muscle.latin)}</i> &middot; {escape(muscle.group)} &middot; "
        f"{escape(wording.depth_name(muscle.depth))}</p>",
    ]
    if why:
        parts.append(f"<p class='why'>{escape(why)}</p>")
    if note:
        parts.append(section(_("Your therapist's note"), f"<p>{escape(note)}</p>"))
    parts += [
        section(_("Where it sends pain"), referral_html(kb, muscle)),
        section(_("Where its trigger points are"), bullet_list(p.location for p in muscle.trigger_points)),
        section(_("What you may notice"), bullet_list(muscle.symptoms)),
        section(_("What keeps it going"), bullet_list(muscle.perpetuating_factors)),
        section(_("Release it yourself"), self_care_html(kb.safety, muscle)),
        section(_("Be careful"), bullet_list(muscle.cautions)),
    ]
    general = general_cautions_html(kb.safety, muscle)
    if general:
        parts.append(section(_("Before you start"), general))
    if muscle.good_to_know:
        parts.append(section(_("Good to know"), bullet_list(muscle.good_to_know)))
    if muscle.differentials:
        parts.append(section(_("It could also be something else"), bullet_list(muscle.differentials)))
    parts += [
        section(
            _("Anatomy"),
            "<p><b>" + escape(_("Starts (origin):")) + f"</b> {escape(muscle.origin)}</p>"
            f"<p><b>" + escape(_("Attaches (insertion):")) + f"</b> {escape(muscle.insertion)}</p>"
            f"<p><b>" + escape(_("What it does:")) + f"</b></p>{bullet_list(muscle.actions)}"
            f"<p><b>" + escape(_("Nerve supply:")) + f"</b> {escape(muscle.innervation)}</p>",
        ),
        section(_("Sources"), bullet_list(f"{s.reference}, {s.section}" for s in muscle.sources)),
    ]
    return "".join(parts)
