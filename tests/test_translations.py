"""The translations: every .ts entry translated, the shipped .qm compiled from the .ts as it
is, placeholders and links kept, and the tutorial's terms from the glossary used for their
concepts with no synonym mixed in (resources/translations/glossary.tsv)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ui.shell.pseudo_locale import ROOT, translation_tools

tools = translation_tools()
TS_FILES = tools.translation_files()
GLOSSARY = tools.FOLDER / "glossary.tsv"


@dataclass(frozen=True)
class Term:
    english: tuple[str, ...]
    chinese: str
    forbidden: tuple[str, ...]


def read_glossary(path: Path = GLOSSARY) -> list[Term]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]  # fmt: skip
    assert lines[0].split("\t") == ["english", "chinese", "forbidden"]
    terms = []
    for line in lines[1:]:
        english, chinese, forbidden = [*line.split("\t"), ""][:3]
        terms.append(Term(tuple(english.split("|")), chinese,
                          tuple(word for word in forbidden.split("|") if word)))  # fmt: skip
    return terms


TERMS = read_glossary()


def terms_in(source: str, terms: list[Term] = TERMS) -> list[Term]:
    """The glossary terms ``source`` uses, longest first: a longer term's words are taken
    out before the shorter ones are looked for ("weight sharing", then "weight")."""
    variants = sorted(((variant, term) for term in terms for variant in term.english),
                      key=lambda pair: len(pair[0]), reverse=True)  # fmt: skip
    text = re.sub(r"<[^>]+>|\{\w+\}", " ", source)  # markup and placeholders are no words
    found = []
    for variant, term in variants:
        pattern = re.compile(rf"\b{re.escape(variant)}(?:s|es)?\b", re.IGNORECASE)
        if pattern.search(text):
            text = pattern.sub(" ", text)
            if term not in found:
                found.append(term)
    return found


def glossary_problems(source: str, translation: str, terms: list[Term] = TERMS) -> list[str]:
    """How ``translation`` departs from the glossary: a term of the source not translated by
    its Chinese term, or a forbidden synonym (unless it is the term of another concept that
    the source names too), or a synonym forbidden everywhere."""
    used = terms_in(source, terms)
    allowed = [term.chinese for term in used]
    problems = [f"{term.english[0]!r} is not {term.chinese}" for term in used
                if term.chinese not in translation]  # fmt: skip
    for term in terms:
        for word in term.forbidden:
            if word in translation and not any(word in chinese for chinese in allowed) and (
                    term in used or word in always_forbidden(terms)):  # fmt: skip
                problems.append(f"{word} is used for {term.english[0]!r} ({term.chinese})")
    return problems


def always_forbidden(terms: list[Term] = TERMS) -> set[str]:
    """The synonyms wrong in any text: those that are no glossary term's Chinese (卷积核 is
    wrong for a filter, but right for a kernel)."""
    chinese = [term.chinese for term in terms]
    return {word for term in terms for word in term.forbidden
            if not any(word in other for other in chinese)}  # fmt: skip


def translated_entries() -> list[tuple[str, str, str]]:
    """(file, source, translation) of every translated entry of every .ts."""
    entries = []
    for ts in TS_FILES:
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            forms = [form.text or "" for form in translation.iter("numerusform")]
            for text in forms or [translation.text or ""]:
                if text and translation.get("type") != "unfinished":
                    entries.append((ts.name, message.findtext("source"), text))
    return entries


CHINESE_TS = tools.FOLDER / "cnnviz_zh_CN.ts"


def test_there_is_a_chinese_translation_and_english_plurals():
    assert [ts.name for ts in TS_FILES] == ["cnnviz_en.ts", "cnnviz_zh_CN.ts"]
    assert len([entry for entry in translated_entries() if entry[0] == CHINESE_TS.name]) >= 25


def _plural_sources(ts) -> list[str]:
    return sorted(message.findtext("source") for message in ET.parse(ts).getroot().iter("message")
                  if message.get("numerus") == "yes")  # fmt: skip


def test_english_holds_the_plural_forms_and_nothing_else():
    """English is the source language: its .ts has every %n entry (with a form for one and a
    form for many, "1 image" and "5 images") and no other."""
    english = tools.FOLDER / "cnnviz_en.ts"
    messages = list(ET.parse(english).getroot().iter("message"))
    assert [message.get("numerus") for message in messages] == ["yes"] * len(messages)
    assert _plural_sources(english) == _plural_sources(CHINESE_TS) != []
    for message in messages:
        one, many = [form.text for form in message.iter("numerusform")]
        assert "(s)" not in one + many, message.findtext("source")


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda ts: ts.name)
def test_every_entry_is_translated(ts):
    assert tools.unfinished(ts) == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda ts: ts.name)
def test_the_shipped_qm_is_the_ts_compiled(ts, tmp_path):
    """The .qm that ships is what the .ts holds now: a translation edited without running
    tools/update_translations.py fails here."""
    compiled = tmp_path / f"{ts.stem}.qm"
    tools.lrelease(ts, compiled)
    assert ts.with_suffix(".qm").read_bytes() == compiled.read_bytes()


def _kept(text: str) -> list[str]:
    """What a translation must keep: placeholders ({name}, %n, %1) and link targets."""
    return sorted(re.findall(r"\{\w+\}|%n|%\d|href=\"[^\"]*\"", text))


@pytest.mark.parametrize("entry", translated_entries(), ids=lambda entry: entry[1][:40])
def test_a_translation_keeps_the_placeholders_and_links(entry):
    _, source, translation = entry
    assert _kept(translation) == _kept(source)


@pytest.mark.parametrize("entry", [entry for entry in translated_entries()
                                   if entry[0] == CHINESE_TS.name], ids=lambda entry: entry[1][:40])
def test_a_translation_uses_the_glossarys_terms(entry):
    _, source, translation = entry
    assert glossary_problems(source, translation) == []


def test_the_glossary_check_finds_a_synonym_and_a_missing_term():
    assert glossary_problems("The filters of a layer", "一层的滤波器") == []
    assert glossary_problems("The filters of a layer", "一层的过滤器") == [
        "'filter' is not 滤波器", "过滤器 is used for 'filter' (滤波器)"]
    # 卷积核 is the kernel's term: wrong for a filter, right where the source names a kernel
    assert glossary_problems("the filter", "滤波器（卷积核）") == [
        "卷积核 is used for 'filter' (滤波器)"]
    assert glossary_problems("each filter's kernel", "每个滤波器的卷积核") == []
    # the longer term wins: weight sharing is 参数共享, with no 权重 required
    assert glossary_problems("weight sharing", "参数共享") == []
    assert glossary_problems("weight sharing", "权值共享") != []
    # precision is 精度, so 精度 is no synonym of accuracy beside it
    assert glossary_problems("accuracy and precision", "准确率和精度") == []
    assert glossary_problems("accuracy", "精度") != []


def test_the_glossary_has_the_tutorials_terms_once_each():
    chinese = [term.chinese for term in TERMS]
    english = [variant for term in TERMS for variant in term.english]
    assert len(set(chinese)) == len(chinese) and len(set(english)) == len(english)
    for word in ("卷积层", "池化层", "全连接层", "感受野", "步长", "零填充", "特征图", "滤波器",
                 "卷积核", "批大小", "学习率", "损失", "准确率", "混淆矩阵", "参数共享",
                 "深度列", "激活函数", "测试集", "训练集", "轮", "权重", "偏置", "通道"):
        assert word in chinese, word


def test_the_chinese_readme_uses_no_forbidden_synonym():
    text = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    assert sorted(word for word in always_forbidden() if word in text) == []
