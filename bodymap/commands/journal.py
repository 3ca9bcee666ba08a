"""`bodymap journal`: the private pain journal from the command line (list, add, export, delete)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from bodymap import wording
from bodymap.commands.common import UserError, command, json_flag, knowledge, print_json
from bodymap.i18n import _
from bodymap.journal import Entry, Journal, JournalProblem, Place, not_easing, on_this_map
from bodymap.knowledge.selection import parse_places
from bodymap.output import OutputProblem, check_output
from bodymap.storage import show


def register(sub) -> None:
    p = command(sub, "journal", journal_help, _("Your private pain journal: list, add, export or delete entries."))
    actions = p.add_subparsers(title=_("actions"), metavar="ACTION")
    listing = command(actions, "list", list_entries, _("List the entries, oldest first."))
    json_flag(listing)
    add = command(actions, "add", add_entry, _("Add an entry: where it hurts and how much (0-10)."))
    add.add_argument("places", nargs="+", metavar="REGION[:SIDE][=INTENSITY]", help=_("where it hurts (default 5)"))
    add.add_argument("--note", default="", metavar="TEXT", help=_("a note for the entry"))
    add.add_argument("--muscle", nargs="+", default=[], metavar="ID", help=_("muscles you worked on"))
    add.add_argument("--at", type=_moment, metavar="ISO-DATETIME", help=_("when (default: now), e.g. 2026-11-01T09:00"))
    export = command(actions, "export", export_entries, _("Write the journal to a CSV table or a PDF report."))
    export.add_argument("--output", required=True, type=Path, metavar="FILE.csv|FILE.pdf", help=_("file to write"))
    delete = command(actions, "delete", delete_entry, _("Delete one entry, or the whole journal with --all."))
    delete.add_argument("id", nargs="?", type=int, metavar="ID", help=_("the entry's number (see: journal list)"))
    delete.add_argument("--all", action="store_true", help=_("delete the whole journal file"))


def _moment(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date and time like 2026-11-01T09:00").format(text=show(text))
        ) from None


def journal_help(args: argparse.Namespace) -> None:
    raise UserError(_("say what to do: journal list, add, export or delete (see: bodymap journal --help)"))


def _open() -> Journal:
    return Journal()


def list_entries(args: argparse.Namespace) -> None:
    journal = _open()
    try:
        entries = journal.entries()
    except JournalProblem as exc:
        raise UserError(str(exc)) from None
    kb = knowledge()
    if args.json:
        print_json(
            {
                "file": str(journal.path),
                "entries": [_entry_json(e) for e in entries],
                "not_easing": [{"region": s.region, "side": wording.side_id(s.side)} for s in not_easing(entries)],
            }
        )
        return
    if not entries:
        print(_("The journal is empty ({path}).").format(path=show(journal.path)))
        return
    shown, unknown = on_this_map(entries, kb.regions)
    for entry in shown:
        places = ", ".join(wording.place_pain(kb, p.selection, p.intensity) for p in entry.places)
        print(f"{entry.id:>4}  {wording.moment(entry.at)}  {places}")
        if entry.muscles:
            print("      " + _("worked on: {muscles}").format(muscles=wording.muscle_names(kb, entry.muscles)))
        if entry.note:
            print("      " + entry.note)
    for selection in not_easing(shown):
        print(wording.not_easing(kb, selection))
    if unknown:
        print(wording.unknown_places(unknown))


def _entry_json(entry: Entry) -> dict:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(timespec="minutes"),
        "places": [
            {
                "region": p.selection.region,
                "side": wording.side_id(p.selection.side),
                "intensity": p.intensity,
                "quality": p.quality.value if p.quality else None,
            }
            for p in entry.places
        ],
        "muscles": list(entry.muscles),
        "note": entry.note,
    }


def add_entry(args: argparse.Namespace) -> None:
    kb = knowledge()
    places = parse_places(kb, args.places)
    for muscle_id in args.muscle:
        kb.muscle(muscle_id)
    journal = _open()
    try:
        entry = journal.add(
            [Place(s, 5 if i is None else i) for s, i in places.items()], args.at, args.muscle, args.note
        )
    except (JournalProblem, ValueError) as exc:
        raise UserError(str(exc)) from None
    print(_("added entry {id} to {path}").format(id=entry, path=show(journal.path)))


def export_entries(args: argparse.Namespace) -> None:
    try:
        target = check_output(args.output, (".csv", ".pdf"))
    except OutputProblem as exc:
        raise UserError(str(exc)) from None
    journal = _open()
    try:
        if target.suffix.lower() == ".csv":
            rows = journal.export_csv(target)
            print(_("wrote {path} ({rows} rows)").format(path=show(target), rows=rows))
            return
        entries = journal.entries()
    except (JournalProblem, OutputProblem) as exc:
        raise UserError(str(exc)) from None
    if not entries:
        raise UserError(_("the journal is empty: nothing to report"))
    from bodymap.ui.headless import journal_report  # Qt loads only for the PDF

    kb = knowledge()
    shown, unknown = on_this_map(entries, kb.regions)
    if not shown:
        raise UserError(wording.unknown_places(unknown))
    pages = journal_report(kb, shown, target)
    print(_("wrote {path} ({pages} pages)").format(path=show(target), pages=pages))
    if unknown:
        print(wording.unknown_places(unknown))


def delete_entry(args: argparse.Namespace) -> None:
    journal = _open()
    if args.all:
        journal.delete_all()
        print(_("deleted the journal ({path})").format(path=show(journal.path)))
        return
    if args.id is None:
        raise UserError(_("say which entry to delete (its number from 'journal list'), or --all"))
    try:
        found = journal.delete(args.id)
    except JournalProblem as exc:
        raise UserError(str(exc)) from None
    if not found:
        raise UserError(_("there is no entry {id} in the journal").format(id=args.id))
    print(_("deleted entry {id}").format(id=args.id))
