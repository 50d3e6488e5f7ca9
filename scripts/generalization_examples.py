"""Print docs/generalization.md: quasi-identifiers before and after Veil generalises them.

    PYTHONPATH=src python scripts/generalization_examples.py > docs/generalization.md

Every "after" is Veil's own output with the default settings (pseudonyms drawn with a fixed seed so the
page does not change from run to run); ``tests/test_generalization_doc.py`` fails when the page is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from veil import Pipeline, Settings  # noqa: E402

SENTENCES = {
    "en": [
        "My son, Daniil Sorokin, is 27.",
        "He is a second-year engineering student at the polytechnic in Chelyabinsk.",
        "On the 22nd a man from the draft office came to our flat.",
        "He was detained on 22 September 2022 and sentenced to 14 years' imprisonment.",
        "I was born in 1971 in Kopeysk, a small town near Chelyabinsk, and I am a mother of three.",
        "I teach chemistry at the lyceum and my daughter is in ninth grade.",
        "Last Tuesday, at 3 a.m., the Moscow police searched the flat of a 41-year-old Chechen woman.",
        "He served in military unit 12345 and was a Lance Corporal before he was mobilised.",
        "She has diabetes and a scar on her left cheek, and she signs every open letter.",
        "He was born in Kazakhstan; hundreds of thousands left for Georgia and Kazakhstan that autumn.",
        "The Kayseri Administrative Court fined him EUR 4,000; the Supreme Court upheld the fine.",
    ],
    "ru": [
        "Моего мужа зовут Алексей Громов, ему тридцать четыре года, он инженер-теплотехник на ТЭЦ-3.",
        "Повестку принесли двадцать третьего сентября, а в сентябре 2022 года мы уехали.",
        "Я родилась в Копейске, живу в Челябинске, а мой сын учится в политехе.",
        "Она работает учительницей химии в школе № 5, а её дочь учится в девятом классе.",
        "Тридцатилетний сварщик из Екатеринбурга служил в в/ч 12345.",
        "В прошлый вторник в три часа ночи к нам пришли из Басманного районного суда.",
        "Я татарка, мать троих детей, подписываю все открытые письма.",
        "Мы жили в селе Новокузьмищево в Челябинской области, у самой границы с Казахстаном.",
        "На Верхнем Ларсе мы простояли три дня; за переезд заплатили 50 000 рублей.",
        "Я родилась в Казахстане, а сотни тысяч человек уехали в Грузию и Казахстан.",
    ],
}
EXAMPLES = ("interview_en.txt", "interview_ru.txt")


def main() -> None:
    pipeline = Pipeline(Settings(seed=7))
    out = [
        "# Generalization: before and after",
        "",
        "Produced by `PYTHONPATH=src python scripts/generalization_examples.py > docs/generalization.md` with the",
        "default settings (pseudonyms drawn with a fixed seed). Names become pseudonyms, numbers placeholders;",
        "everything else below is a quasi-identifier made less precise so that the sentence still reads. The",
        "levels each type can be set to are listed in the README (Settings).",
        "",
    ]
    for lang, title in (("en", "English"), ("ru", "Russian")):
        out += [f"## {title}", "", "| before | after |", "|---|---|"]
        for sentence in SENTENCES[lang]:
            after = pipeline.protect_text(sentence, lang).text
            out.append(f"| {sentence} | {after} |")
        out.append("")
    for name in EXAMPLES:
        text = (ROOT / "examples" / name).read_text(encoding="utf-8")
        after = pipeline.protect_text(text, "auto").text
        out += [f"## `examples/{name}`, protected", "", "```text", after.rstrip("\n"), "```", ""]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
