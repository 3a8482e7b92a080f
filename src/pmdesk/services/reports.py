"""Status reports to the client lead: status, problems, help needed (现状、问题、协助).

METHOD.md §4, "praise in public, follow up in private": the report names, with thanks,
the people who finished their steps on time in the period; late steps appear with the
next-step arrangement and without anyone's name; each late person gets a private
follow-up instead.

The rule for who is *late*: anyone who, in the period, finished a step after its due
date, or still had an open step past its due date at the end of the period. Such a
person is late even if they finished another step on time: they are neither praised
nor named anywhere in the report (METHOD.md: "do not name them"). Praise goes to
client-side people (the helpers the method asks us to encourage) with at least one
step finished on time in the period and no late step; the consultant team's work is
reported as the team's.

`gather` collects the facts (no writing), `prefill` turns them into editable text,
`naming_problems` is the check an export must pass, `save_report` keeps what was sent.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pmdesk.db import transaction
from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Draft,
    FollowUp,
    Language,
    MilestoneReview,
    Person,
    Project,
    ReviewState,
    Side,
    StatusReport,
)
from pmdesk.services import audience, drafts, progress
from pmdesk.services.common import ValidationProblem, get_or_fail
from pmdesk.services.report_period import DEFAULT_PERIOD_DAYS as DEFAULT_PERIOD_DAYS
from pmdesk.services.report_period import default_period as default_period
from pmdesk.services.validation import TEXT_LIMIT, clean_text
from pmdesk.vocabulary import client_date

#: Milestones due this many days after the period's end count as "upcoming".
UPCOMING_DAYS = 14
TEXT_PARTS = ("status", "problems", "help_needed", "praise")


# -- the facts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LateItem:
    """A step still open past its due date at the period's end, and what happens next."""

    action: ActionItem
    arrangement: str  # the next step as the report states it ("" = none recorded yet)


@dataclass
class ReportFacts:
    """What happened in the period, read from the plan; the report is written from it."""

    project: Project
    period_start: dt.date
    period_end: dt.date
    done: list[ActionItem] = field(default_factory=list)
    on_time: list[ActionItem] = field(default_factory=list)
    finished_late: list[ActionItem] = field(default_factory=list)
    late_items: list[LateItem] = field(default_factory=list)
    blocked: list[ActionItem] = field(default_factory=list)
    assistance: list[ActionItem] = field(default_factory=list)
    upcoming: list[MilestoneReview] = field(default_factory=list)
    awaiting_review: list[MilestoneReview] = field(default_factory=list)
    late_people: list[Person] = field(default_factory=list)
    praised: list[Person] = field(default_factory=list)
    open_count: int = 0

    def late_by_person(self) -> dict[int, list[ActionItem]]:
        """Each late person's late steps (still open or finished late), by person id."""
        grouped: dict[int, list[ActionItem]] = {}
        for action in [item.action for item in self.late_items] + self.finished_late:
            if action.owner_id is not None:
                grouped.setdefault(action.owner_id, []).append(action)
        return grouped


def _in(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


def _outstanding_at(action: ActionItem, end: dt.date) -> bool:
    """Past due and not finished at the end of the period (judged from what we know now)."""
    if action.due_date is None or action.due_date >= end:
        return False
    if action.status == ActionStatus.CANCELLED:
        return False
    if action.completed_on is not None:
        return action.completed_on > end
    return progress.is_open(action)


def _open_at(action: ActionItem, end: dt.date) -> bool:
    """Open at the end of the period: open now, or finished only after the period."""
    if action.status == ActionStatus.CANCELLED:
        return False
    if action.completed_on is not None and action.completed_on > end:
        return True
    return progress.is_open(action)


def _review_state_at(review: MilestoneReview, end: dt.date) -> str:
    """The review's state at the end of the period (a past period ignores later steps)."""
    if review.submitted_on is not None and review.submitted_on > end:
        return ReviewState.NOT_SUBMITTED.value
    decided_later = review.reviewed_on is not None and review.reviewed_on > end
    if decided_later and review.state in (ReviewState.APPROVED, ReviewState.REVISION_REQUESTED):
        return ReviewState.SUBMITTED.value
    return str(review.state)


def gather(
    project_id: int,
    start: dt.date,
    end: dt.date,
    language: Language | str,
    actions: Sequence[ActionItem] | None = None,
) -> ReportFacts:
    """Collect the report's facts for the period `start`..`end` (both days included);
    `actions` is the project's step plan if the caller has it loaded (with owners).

    A past period uses only what was true at its end: steps finished after it count as
    open then, later submissions and reviews as not yet made. Being blocked has no
    history: a step open then and blocked now is listed as blocked (a row's change time
    says nothing about which field changed). Steps internal by provenance
    (services.audience) count for who is on time or late but are never listed.
    """
    if end < start:
        raise ValidationProblem("period_end", "the period cannot end before it starts")
    project = get_or_fail(Project, project_id)
    facts = ReportFacts(project, start, end)
    agreed = progress.agreed_dates(project_id)
    hidden = audience.internal_action_ids(project_id)
    late_people: dict[int, Person] = {}
    punctual: dict[int, Person] = {}
    for action in progress.list_actions(project_id) if actions is None else actions:
        owner = action.owner
        shown = action.id not in hidden
        open_then = _open_at(action, end)
        if open_then:
            facts.open_count += 1
        done_on, due = action.completed_on, action.due_date
        if action.status == ActionStatus.DONE and done_on and _in(done_on, start, end):
            if shown:
                facts.done.append(action)
            if due is not None and done_on <= due:
                if shown:
                    facts.on_time.append(action)
                if owner is not None:
                    punctual[owner.id] = owner
            elif due is not None:
                if shown:
                    facts.finished_late.append(action)
                if owner is not None:
                    late_people[owner.id] = owner
        if _outstanding_at(action, end):
            if shown:
                facts.late_items.append(LateItem(action, _arrangement(action, agreed, language)))
            if owner is not None:
                late_people[owner.id] = owner
        if open_then and shown:
            if action.status == ActionStatus.BLOCKED:
                facts.blocked.append(action)
            if action.needs_client_assistance:
                facts.assistance.append(action)
    facts.late_people = sorted(late_people.values(), key=lambda p: p.name)
    facts.praised = sorted(
        (p for pid, p in punctual.items() if pid not in late_people and p.side == Side.CLIENT),
        key=lambda p: p.name,
    )
    horizon = end + dt.timedelta(days=UPCOMING_DAYS)
    for review in progress.milestone_reviews(project_id):
        state = _review_state_at(review, end)
        if state == ReviewState.SUBMITTED:
            facts.awaiting_review.append(review)
        elif state != ReviewState.APPROVED and _in(review.due_date, end, horizon):
            facts.upcoming.append(review)
    facts.late_items.sort(key=lambda item: (item.action.due_date, item.action.id))
    return facts


def _arrangement(action: ActionItem, agreed: dict[int, dt.date], language: Language | str) -> str:
    """The step's next step; else the new date agreed in a private follow-up; else ''."""
    if action.next_step.strip():
        return action.next_step.strip()
    if action.id in agreed:
        return _words(language)["new_date"].format(date=client_date(agreed[action.id], language))
    return ""


# -- the text ----------------------------------------------------------------------------


@dataclass
class ReportTexts:
    """The four parts the PM edits before the report goes out."""

    status: str = ""
    problems: str = ""
    help_needed: str = ""
    praise: str = ""

    def parts(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in TEXT_PARTS}


_WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        # Counts after a colon: no "1 steps" whatever the number.
        "status": "Steps completed in the period {start} to {end}: {done}, on time: "
        "{on_time}. Steps open: {open}, past their due date: {late}.",
        "nothing_done": "No steps were completed in the period {start} to {end}. Steps open: "
        "{open}, past their due date: {late}.",
        "upcoming": "Coming up: {items}.",
        "due": "{title} (due {date})",
        "praise": "Thank you to {names} for completing their steps on time.",
        "and": " and ",
        "list_sep": ", ",
        "late": "Steps past their due date: {count}; each has its next step in the table "
        "below, so the delays are in hand.",
        "no_late": "No step is past its due date.",
        "blocked": "Blocked: {title}.",
        "help_item": "• {title}: needed by {date}.",
        "help_item_undated": "• {title}.",
        "help_item_late": "• {title}: was due {date}; please help us close it this week.",
        "review_item": "• Please review “{title}” (submitted {date}).",
        "no_help": "No help is needed from the client this week.",
        "new_date": "New completion date agreed: {date}.",
        "placeholder": "Next step being agreed.",
    },
    Language.ZH_CN: {
        "status": "{start}至{end}，项目组完成{done}项工作，其中{on_time}项按期完成。"
        "目前在办{open}项，其中{late}项已超过计划完成日期。",
        "nothing_done": "{start}至{end}期间没有完成的工作项。目前在办{open}项，"
        "其中{late}项已超过计划完成日期。",
        "upcoming": "近期节点：{items}。",
        "due": "{title}（计划{date}）",
        "praise": "感谢{names}按期完成工作！",
        "and": "和",
        "list_sep": "、",
        "late": "{count}项工作已超过计划完成日期，下一步安排见下表，延期事项均已落实跟进。",
        "no_late": "目前没有超期的工作项。",
        "blocked": "受阻：{title}。",
        "help_item": "• {title}：请于{date}前协助落实。",
        "help_item_undated": "• {title}。",
        "help_item_late": "• {title}：原定{date}完成，已超期，请协助本周内落实。",
        "review_item": "• 请审阅“{title}”（{date}已提交）。",
        "no_help": "本周暂无需要客户协助的事项。",
        "new_date": "已约定新的完成日期：{date}。",
        "placeholder": "下一步安排正在落实。",
    },
}


def _words(language: Language | str) -> dict[str, str]:
    return _WORDS[Language(language)]


def _join_names(names: list[str], language: Language | str) -> str:
    words = _words(language)
    if len(names) <= 1:
        return "".join(names)
    return words["list_sep"].join(names[:-1]) + words["and"] + names[-1]


def prefill(facts: ReportFacts, language: Language | str) -> ReportTexts:
    """The report's text written from the facts; the PM edits it before sending."""
    w = _words(language)
    day = lambda d: client_date(d, language)  # noqa: E731
    numbers = {
        "start": day(facts.period_start),
        "end": day(facts.period_end),
        "done": len(facts.done),
        "on_time": len(facts.on_time),
        "open": facts.open_count,
        "late": len(facts.late_items),
    }
    status = [w["status" if facts.done else "nothing_done"].format(**numbers)]
    if facts.upcoming:
        items = w["list_sep"].join(
            w["due"].format(title=r.title, date=day(r.due_date)) for r in facts.upcoming
        )
        status.append(w["upcoming"].format(items=items))
    problems = [w["late"].format(count=len(facts.late_items)) if facts.late_items else w["no_late"]]
    problems += [w["blocked"].format(title=a.title) for a in facts.blocked]
    help_needed = [_help_line(a, facts.period_end, language) for a in facts.assistance]
    help_needed += [
        w["review_item"].format(title=r.title, date=day(r.submitted_on))
        for r in facts.awaiting_review
    ]
    praise = (
        w["praise"].format(names=_join_names([p.name for p in facts.praised], language))
        if facts.praised
        else ""
    )
    return ReportTexts(
        status=("" if Language(language) == Language.ZH_CN else " ").join(status),
        problems="\n".join(problems),
        help_needed="\n".join(help_needed) or w["no_help"],
        praise=praise,
    )


def _help_line(action: ActionItem, end: dt.date, language: Language | str) -> str:
    w = _words(language)
    if action.due_date is None:
        return w["help_item_undated"].format(title=action.title)
    key = "help_item_late" if action.due_date < end else "help_item"
    return w[key].format(title=action.title, date=client_date(action.due_date, language))


def arrangement_text(item: LateItem, language: Language | str) -> str:
    """What the report says as the late step's next step (a placeholder if none yet)."""
    return item.arrangement or _words(language)["placeholder"]


# -- the naming rule ---------------------------------------------------------------------


@dataclass(frozen=True)
class NamedLatePerson:
    """A late person's name found in a part of the report."""

    person: Person
    where: str  # "status", "problems", "help_needed", "praise", or "step: <title>"
    found: str  # the name (or part of it) that was found


class LateNameProblem(ValidationProblem):
    """The report names someone who is late; it must not go out like that."""

    def __init__(self, found: list[NamedLatePerson]) -> None:
        first = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        super().__init__(
            first.where,
            f"names {first.found}, who is late in this period; praise in public, follow up "
            f"in private: state the next step without the name{more}",
        )
        self.found = found


#: How Chinese colleagues are named by surname and title: 刘工, 刘总, 老刘, 小刘…
_CHINESE_TITLES = (
    "工",
    "总",
    "经理",
    "老师",
    "主任",
    "部长",
    "处长",
    "科长",
    "总监",
    "主管",
    "局长",
    "董",
    "姐",
    "哥",
    "博士",
    "师傅",
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "慕容",
    "司徒",
    "尉迟",
    "令狐",
    "皇甫",
)


def _is_chinese(text: str) -> bool:
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)


@dataclass(frozen=True)
class NameForm:
    """One way a person may be named, and the regex that finds it in a text."""

    form: str  # the name or part of it; "刘…" for surname and title
    source: str
    flags: int = 0

    @property
    def regex(self) -> re.Pattern[str]:
        # Compiled when first needed: most names are ruled out by a substring test.
        return _compiled(self.source, self.flags)


@functools.lru_cache(maxsize=8192)
def _compiled(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source, flags)


def name_patterns(person: Person) -> list[NameForm]:
    """How a person may be named: the full name, and each part of a Western name of
    three letters or more as a capitalised word; a Chinese name also by the given name
    (张伟明 → 伟明) and by surname and title (刘工, 刘总, 老刘, 小刘)."""
    name = " ".join(person.name.split())
    if not name:
        return []
    parts = name.split(" ")
    if name.isascii():
        patterns = [NameForm(name, rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)]
        for part in dict.fromkeys(p for p in parts if len(p) >= 3 and len(parts) > 1):
            # Case kept: "Mark" the name, not "mark" the verb.
            patterns.append(NameForm(part, rf"(?<!\w){re.escape(part)}(?!\w)"))
        return patterns
    patterns = [NameForm(name, re.escape(name))]
    if _is_chinese(name) and 2 <= len(name) <= 4:
        surname = name[:2] if name.startswith(_COMPOUND_SURNAMES) else name[0]
        given = name[len(surname) :]
        if len(given) >= 2:
            patterns.append(NameForm(given, re.escape(given)))
        titles = "|".join(sorted(_CHINESE_TITLES, key=len, reverse=True))
        by_title = rf"{re.escape(surname)}(?:{titles})|[老小]{re.escape(surname)}"
        patterns.append(NameForm(f"{surname}…", by_title))
    return patterns


_LEADING_VERB = re.compile(r"([A-Z][a-z]+)\s+[a-z]")


def _leading_verbs(titles: list[str]) -> list[tuple[str, int]]:
    """Each step title that starts with a verb ("Mark the invoices as paid"), with the
    verb's length."""
    found = ((title, _LEADING_VERB.match(title)) for title in titles)
    return [(title, len(verb.group(1))) for title, verb in found if verb]


def _mask_leading_verbs(text: str, verbs: list[tuple[str, int]]) -> str:
    """`text` with the first word of each step title in it blanked out when that word is
    the step's verb (`_leading_verbs`): a given name there is not a name."""
    for title, length in verbs:
        if title in text:
            text = text.replace(title, " " * length + title[length:])
    return text


def document_texts(
    texts: ReportTexts, facts: ReportFacts, language: Language | str
) -> list[tuple[str, str]]:
    """Every piece of text the client document will hold, with where it is."""
    pieces = list(texts.parts().items())
    for action in facts.done + facts.assistance + facts.blocked:
        pieces.append((f"step: {action.title}", action.title))
    for item in facts.late_items:
        pieces.append((f"step: {item.action.title}", item.action.title))
        pieces.append((f"next step of: {item.action.title}", arrangement_text(item, language)))
    for review in facts.upcoming + facts.awaiting_review:
        pieces.append((f"milestone: {review.title}", review.title))
    return pieces


_Pattern = tuple[Person, NameForm, str]  # person, form, folded form
_SEPARATOR = "\n\x00\n"  # between pieces: in no name and matched by no pattern


def _candidates(pieces: list[tuple[str, str]], patterns: list[_Pattern]) -> dict[int, list[int]]:
    """For each piece that may name someone, the patterns to check it against, in order.

    One search per pattern over every piece joined (rather than one per piece and
    pattern): the report holds a thousand step titles and is checked on every keystroke.
    """
    texts = [text for _where, text in pieces]
    joined = _SEPARATOR.join(texts)
    folded_joined = _SEPARATOR.join(text.casefold() for text in texts)

    def offsets(parts: list[str]) -> list[int]:
        starts, at = [], 0
        for part in parts:
            starts.append(at)
            at += len(part) + len(_SEPARATOR)
        return starts

    starts = offsets(texts)
    folded_starts = offsets([text.casefold() for text in texts])
    found: dict[int, list[int]] = {}
    for index, (_person, name, folded_form) in enumerate(patterns):
        by_title = name.form.endswith("…")  # 刘工, 老刘: the regex itself finds them
        haystack, at = (joined, starts) if by_title else (folded_joined, folded_starts)
        position = 0
        while True:
            if by_title:
                hit = name.regex.search(haystack, position)
                position = hit.start() if hit else -1
            else:
                position = haystack.find(folded_form, position)
            if position < 0:
                break
            piece = bisect.bisect_right(at, position) - 1
            found.setdefault(piece, []).append(index)
            if piece + 1 >= len(at):
                break
            position = at[piece + 1]
    return found


def naming_problems(
    texts: ReportTexts, facts: ReportFacts, language: Language | str
) -> list[NamedLatePerson]:
    """Each place where a late person is named; the report may go out only when empty."""
    patterns = [(p, n, n.form.casefold()) for p in facts.late_people for n in name_patterns(p)]
    found: list[NamedLatePerson] = []
    pieces = document_texts(texts, facts, language)
    verbs = _leading_verbs([text for where, text in pieces if where.startswith("step: ")])
    for index, candidates in sorted(_candidates(pieces, patterns).items()):
        where, text = pieces[index]
        masked: str | None = None  # masked only when a lone given name needs it
        for person, name, _folded in (patterns[k] for k in sorted(candidates)):
            # The piece holds the name's letters; the regex checks word boundaries.
            form = name.form
            lone_given_name = form.isascii() and " " not in form and form != person.name
            if lone_given_name:
                if masked is None:
                    masked = _mask_leading_verbs(text, verbs)
                hit = name.regex.search(masked)
            else:
                hit = name.regex.search(text)
            if hit:
                found.append(
                    NamedLatePerson(person, where, hit.group() if form.endswith("…") else form)
                )
                break
    return found


def check_report(texts: ReportTexts, facts: ReportFacts, language: Language | str) -> None:
    """Refuse a report whose text breaks the input rules (ValidationProblem naming the
    part) or that names a late person anywhere (LateNameProblem)."""
    for part, text in texts.parts().items():
        clean_text(part, text, max_length=TEXT_LIMIT, multiline=True)
    found = naming_problems(texts, facts, language)
    if found:
        raise LateNameProblem(found)


def missing_next_steps(facts: ReportFacts) -> list[ActionItem]:
    """Late steps with no next step recorded: the report would only say "being agreed"."""
    return [item.action for item in facts.late_items if not item.arrangement]


# -- saving ------------------------------------------------------------------------------


def save_report(facts: ReportFacts, texts: ReportTexts, file_name: str) -> StatusReport:
    """Keep the report as sent: its period, its four texts and the file written."""
    with transaction():
        return StatusReport.create(
            project=facts.project.id,
            period_start=facts.period_start,
            period_end=facts.period_end,
            status_text=texts.status,
            problems_text=texts.problems,
            help_needed_text=texts.help_needed,
            praise_text=texts.praise,
            file_name=file_name[:255],
        )


def list_reports(project_id: int) -> list[StatusReport]:
    return list(
        StatusReport.select()
        .where(StatusReport.project == project_id)
        .order_by(StatusReport.period_end.desc(), StatusReport.id.desc())
    )


# -- drafts: text being typed survives a crash -------------------------------------------


def draft_key(project_id: int, part: str) -> str:
    return f"report:{project_id}:{part}"


def save_draft(project_id: int, part: str, text: str) -> None:
    """Autosave one part of the report being edited (not an undoable user action)."""
    drafts.save(draft_key(project_id, part), text, project_id)


def load_drafts(project_id: int) -> dict[str, str]:
    """The parts of an unfinished report, by part name ({} when there is none)."""
    prefix = draft_key(project_id, "")
    return {
        d.key[len(prefix) :]: d.text
        for d in Draft.select().where(
            Draft.key.startswith(prefix) & (Draft.project == project_id) & drafts.mine()
        )
    }


def discard_drafts(project_id: int) -> None:
    with transaction():
        Draft.delete().where(
            Draft.key.startswith(draft_key(project_id, ""))
            & (Draft.project == project_id)
            & drafts.mine()
        ).execute()


# -- private follow-ups (internal) -------------------------------------------------------


@dataclass
class FollowUpDraft:
    """What to raise privately with one late person: their late steps and talking points."""

    person: Person
    items: list[ActionItem]
    reason: str
    talking_points: list[str]


_FOLLOW_UP_WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "open": "“{title}” was due {date} and is still open ({days} late)",
        "day": "1 day",
        "days": "{n} days",
        "finished": "“{title}” was due {date} and was finished {done}",
        "ask": "Ask privately what got in the way; listen before proposing anything.",
        "date": "Agree a new date they can commit to, and write it down together.",
        "help": "Offer help where they struggle (a team member to work alongside them).",
        "thank": "Thank them for what they did finish on time.",
    },
    Language.ZH_CN: {
        "open": "“{title}”计划{date}完成，目前仍未完成（已超期{days}）",
        "day": "1天",
        "days": "{n}天",
        "finished": "“{title}”计划{date}完成，实际{done}完成",
        "ask": "私下沟通，了解延期的原因；先听，再提建议。",
        "date": "约定一个对方能承诺的新完成日期，并当面确认记录。",
        "help": "对方确有困难的，安排顾问组成员协助（帮扶）。",
        "thank": "对其按期完成的工作表示感谢。",
    },
}


def follow_up_drafts(
    facts: ReportFacts, language: Language | str, today: dt.date
) -> list[FollowUpDraft]:
    """One private follow-up per late person (never part of the client's report)."""
    w = _FOLLOW_UP_WORDS[Language(language)]
    sep = "；" if Language(language) == Language.ZH_CN else "; "
    people = {p.id: p for p in facts.late_people}
    praised_elsewhere = {a.owner_id for a in facts.on_time}
    drafts = []
    for person_id, items in facts.late_by_person().items():
        lines = []
        for action in items:
            due = client_date(action.due_date, language)
            if action.completed_on is not None and action.completed_on <= facts.period_end:
                done = client_date(action.completed_on, language)
                lines.append(w["finished"].format(title=action.title, date=due, done=done))
            else:
                late = (today - (action.due_date or today)).days
                days = w["day"] if late == 1 else w["days"].format(n=late)
                lines.append(w["open"].format(title=action.title, date=due, days=days))
        points = [w["ask"], w["date"], w["help"]]
        if person_id in praised_elsewhere:
            points.append(w["thank"])
        drafts.append(FollowUpDraft(people[person_id], items, sep.join(lines), points))
    return sorted(drafts, key=lambda d: d.person.name)


def create_follow_ups(project_id: int, drafts: list[FollowUpDraft], today: dt.date) -> list[int]:
    """A FollowUp record per draft, linked to the person's first late step, dated today.

    A person already followed up today for that step gets no second record. Returns the
    ids created (for undo).
    """
    created = []
    with transaction():
        for draft in drafts:
            action = draft.items[0]
            exists = FollowUp.select().where(
                (FollowUp.person == draft.person.id)
                & (FollowUp.action_item == action.id)
                & (FollowUp.follow_up_on == today)
            )
            if exists.exists():
                continue
            created.append(
                FollowUp.create(
                    project=project_id,
                    person=draft.person.id,
                    action_item=action.id,
                    follow_up_on=today,
                    reason=draft.reason,
                ).id
            )
    return created
