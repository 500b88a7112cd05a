"""The audience vocabulary: labels and the words people type for each group."""

from __future__ import annotations

import difflib

from .records import Audience
from .regions import normalize as _normalize
from .regions import quoted

LABELS: dict[Audience, tuple[str, str]] = {
    Audience.general: ("所有人", "everyone"),
    Audience.university_students: ("大学生", "university students"),
    Audience.students: ("学生", "students"),
    Audience.minors_youth: ("青少年", "young people"),
    Audience.parents: ("家长", "parents"),
    Audience.medical_workers: ("医务人员", "medical workers"),
    Audience.police: ("民警", "police officers"),
    Audience.police_families: ("民警家属", "police families"),
    Audience.teachers: ("教师", "teachers"),
    Audience.women: ("女性", "women"),
    Audience.workers: ("职工", "workers"),
    Audience.disaster_affected: ("受灾人群", "people affected by disasters"),
    Audience.pandemic_affected: ("受疫情影响人群", "people affected by the epidemic"),
    Audience.overseas_chinese: ("海外华人", "overseas Chinese"),
    Audience.older_people: ("老年人", "older people"),
    Audience.perinatal: ("孕产妇", "pregnant and postpartum women"),
    Audience.lgbtq: ("性少数群体", "LGBTQ+ people"),
    Audience.people_with_disabilities: ("残疾人", "people with disabilities"),
    Audience.veterans: ("退役军人", "veterans"),
}

SYNONYMS: dict[Audience, tuple[str, ...]] = {
    Audience.general: ("所有人", "公众", "普通人", "大众", "一般", "general", "public", "everyone", "anyone", "all"),
    Audience.university_students: ("大学生", "高校学生", "研究生", "university", "college", "universitystudent", "universitystudents", "collegestudent"),
    Audience.students: ("学生", "中小学生", "中学生", "小学生", "student", "students", "pupil", "pupils"),
    Audience.minors_youth: ("青少年", "未成年人", "儿童", "孩子", "少年", "youth", "young", "youngpeople", "teen", "teens", "teenager", "minor", "minors", "child", "children", "kids"),
    Audience.parents: ("家长", "父母", "parent", "parents", "family"),
    Audience.medical_workers: ("医务人员", "医护人员", "医生", "护士", "医护", "medical", "medicalworker", "medicalworkers", "doctor", "doctors", "nurse", "nurses", "healthworker", "healthcare"),
    Audience.police: ("民警", "警察", "公安", "公安民警", "police", "policeofficer", "policeofficers", "officer"),
    Audience.police_families: ("民警家属", "警属", "policefamily", "policefamilies"),
    Audience.teachers: ("教师", "老师", "teacher", "teachers", "educator"),
    Audience.women: ("女性", "妇女", "women", "woman", "female"),
    Audience.workers: ("职工", "劳动者", "workers", "worker", "employee", "employees"),
    Audience.disaster_affected: ("受灾", "受灾人群", "灾民", "disaster", "disasteraffected"),
    Audience.pandemic_affected: ("疫情", "受疫情影响", "pandemic", "epidemic", "covid"),
    Audience.overseas_chinese: ("海外华人", "华人", "华侨", "overseas", "overseaschinese"),
    Audience.older_people: ("老年人", "老人", "长者", "老年", "老年群体", "elderly", "older", "olderpeople", "olderperson",
                            "olderadults", "senior", "seniors", "aged"),
    Audience.perinatal: ("孕产妇", "孕妇", "产妇", "孕期", "产后", "围产期", "perinatal", "pregnant", "pregnancy",
                         "postpartum", "postnatal", "maternal", "expectantmothers"),
    Audience.lgbtq: ("性少数群体", "性少数", "同性恋", "跨性别", "lgbt", "lgbtq", "lgbtqia", "lgbtqplus", "gay", "lesbian",
                     "bisexual", "transgender", "queer"),
    Audience.people_with_disabilities: ("残疾人", "残障人士", "残障", "残疾", "残疾人士", "disabled", "disability",
                                        "disabilities", "peoplewithdisabilities", "disabledpeople"),
    Audience.veterans: ("退役军人", "退伍军人", "老兵", "veteran", "veterans", "exservicemen", "exmilitary"),
}


class AudienceError(ValueError):
    def __init__(self, text: str, suggestions: list[str]):
        self.text = text
        self.suggestions = suggestions
        super().__init__(f"unknown audience {quoted(text)}")


def _index() -> dict[str, Audience]:
    index: dict[str, Audience] = {}
    for audience, words in SYNONYMS.items():
        index[_normalize(audience.value)] = audience
        for word in words:
            index.setdefault(_normalize(word), audience)
    return index


def resolve(text: str) -> Audience | None:
    """The audience a person means; None for everyone. Raises AudienceError with suggestions."""
    key = _normalize(text[:256])
    if not key:
        raise AudienceError(text, [])
    index = _index()
    found = index.get(key)
    if found is not None:
        return None if found is Audience.general else found
    close = difflib.get_close_matches(key, list(index), n=3, cutoff=0.6)
    suggestions: list[str] = []
    for word in close:
        label = LABELS[index[word]][0] + f" ({index[word].value})"
        if label not in suggestions:
            suggestions.append(label)
    raise AudienceError(text, suggestions)


def resolve_leniently(text: str) -> tuple[Audience | None, AudienceError | None]:
    """Like resolve, but an unknown word answers for everyone and comes back as the error to warn with.

    A person who names a group the tool does not know still needs an answer: the lines open to all.
    """
    try:
        return resolve(text), None
    except AudienceError as error:
        return None, error


def known_labels(lang: str) -> list[str]:
    """Every audience a person can name, in the vocabulary's order, everyone first."""
    return [label(audience, lang) for audience in LABELS]


def label(audience: Audience, lang: str) -> str:
    zh, en = LABELS[audience]
    return en if lang == "en" else zh
