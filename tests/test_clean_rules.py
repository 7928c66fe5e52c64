"""Each explicit rule of the classifier, on exact lines in several languages."""

from __future__ import annotations

import pytest

from curate.clean.classifier import classify_lines
from curate.clean.config import CleanConfig
from curate.clean.lexicon import Lexicon
from curate.clean.patterns import CREDITS, is_breadcrumb, is_caption, is_separator_menu
from curate.clean.types import LineDecision

PROSE = {
    "en": [
        "The council approved the new budget on Tuesday after a long debate, and the mayor "
        "said that the money would go to schools, roads and the public library in the spring.",
        "Residents who attended the meeting asked whether the plan would raise taxes, but the "
        "finance director explained that the city had saved enough over the past two years.",
    ],
    "fr": [
        "Le conseil municipal a adopté mardi le nouveau budget après un long débat, et le maire "
        "a expliqué que cet argent irait aux écoles, aux routes et à la bibliothèque.",
        "Les habitants présents ont demandé si le plan allait augmenter les impôts, mais la "
        "directrice des finances a répondu que la ville avait assez économisé depuis deux ans.",
    ],
    "de": [
        "Der Gemeinderat hat am Dienstag nach einer langen Debatte den neuen Haushalt "
        "beschlossen, und der Bürgermeister sagte, dass das Geld in die Schulen fließen soll.",
        "Die Bürger, die an der Sitzung teilnahmen, fragten, ob der Plan die Steuern erhöhen "
        "werde, aber die Kämmerin erklärte, dass die Stadt genug gespart habe.",
    ],
    "es": [
        "El ayuntamiento aprobó el martes el nuevo presupuesto después de un largo debate, y el "
        "alcalde dijo que el dinero irá a las escuelas, a las calles y a la biblioteca.",
        "Los vecinos que asistieron a la reunión preguntaron si el plan subiría los impuestos, "
        "pero la directora de finanzas explicó que la ciudad había ahorrado lo suficiente.",
    ],
    "it": [
        "Il consiglio comunale ha approvato martedì il nuovo bilancio dopo un lungo dibattito, e "
        "il sindaco ha detto che il denaro andrà alle scuole, alle strade e alla biblioteca.",
        "I cittadini presenti alla riunione hanno chiesto se il piano avrebbe aumentato le tasse, "
        "ma la direttrice finanziaria ha spiegato che la città aveva risparmiato abbastanza.",
    ],
    "pt": [
        "A câmara municipal aprovou na terça-feira o novo orçamento depois de um longo debate, e "
        "o prefeito disse que o dinheiro vai para as escolas, as ruas e a biblioteca.",
        "Os moradores que estavam na reunião perguntaram se o plano ia aumentar os impostos, mas "
        "a diretora de finanças explicou que a cidade tinha economizado o suficiente.",
    ],
    "nl": [
        "De gemeenteraad heeft dinsdag na een lang debat de nieuwe begroting goedgekeurd, en de "
        "burgemeester zei dat het geld naar de scholen, de wegen en de bibliotheek gaat.",
        "De bewoners die bij de vergadering waren vroegen of het plan de belastingen zou "
        "verhogen, maar de wethouder legde uit dat de stad genoeg had gespaard.",
    ],
    "ru": [
        "Городской совет во вторник после долгих споров утвердил новый бюджет, и мэр сказал, что "
        "эти деньги пойдут на школы, на дороги и на городскую библиотеку.",
        "Жители, которые были на заседании, спросили, не поднимет ли этот план налоги, но "
        "директор по финансам объяснила, что город уже накопил достаточно средств.",
    ],
    "zh": [
        "市议会在周二经过长时间的讨论后通过了新的预算，市长说这笔钱将用于学校、道路和公共图书馆的建设。",
        "参加会议的居民问这个计划是否会提高税收，但是财务主任解释说，这个城市在过去两年里已经节省了足够的资金。",
    ],
}


def decide(line: str, lang: str = "en", where: str = "tail") -> LineDecision:
    """The decision on `line` placed after (tail) or between (middle) prose paragraphs."""
    first, second = PROSE[lang]
    lines = [first, line, second] if where == "middle" else [first, second, line]
    decisions = classify_lines(lines, CleanConfig())
    return decisions[lines.index(line)]


@pytest.mark.parametrize(
    ("line", "lang", "rule"),
    [
        ("Share this article", "en", "share"),
        ("Facebook Twitter LinkedIn Email", "en", "share"),
        ("[ Imprimer ]", "fr", "share"),
        ("Partager sur Facebook", "fr", "share"),
        ("Artikel teilen", "de", "share"),
        ("Compartir en Twitter", "es", "share"),
        ("Condividi su Facebook", "it", "share"),
        ("Compartilhe no WhatsApp", "pt", "share"),
        ("Deel dit artikel", "nl", "share"),
        ("Поделиться", "ru", "share"),
        ("分享到微信", "zh", "share"),
        ("Follow us on Twitter", "en", "follow"),
        ("Suivez-nous sur Instagram", "fr", "follow"),
        ("Folgen Sie uns auf Facebook", "de", "follow"),
        ("Síguenos en Twitter", "es", "follow"),
        ("Seguici su Facebook", "it", "follow"),
        ("Volg ons op Twitter", "nl", "follow"),
        ("Подписывайтесь на нас в Telegram", "ru", "follow"),
        ("关注我们", "zh", "follow"),
        ("Subscribe to our newsletter", "en", "newsletter"),
        ("Abonnez-vous à notre newsletter", "fr", "newsletter"),
        ("Jetzt Newsletter abonnieren", "de", "newsletter"),
        ("Suscríbete a nuestro boletín", "es", "newsletter"),
        ("Iscriviti alla newsletter", "it", "newsletter"),
        ("Подпишитесь на рассылку", "ru", "newsletter"),
        ("We use cookies to give you the best experience on our website.", "en", "cookie"),
        ("Nous utilisons des cookies pour améliorer votre expérience.", "fr", "cookie"),
        ("Wir verwenden Cookies, um Ihnen ein optimales Erlebnis zu bieten.", "de", "cookie"),
        ("Utilizamos cookies propias y de terceros.", "es", "cookie"),
        ("© 2024 Example Media. All rights reserved.", "en", "copyright"),
        ("Tous droits réservés", "fr", "copyright"),
        ("Alle Rechte vorbehalten.", "de", "copyright"),
        ("Todos los derechos reservados.", "es", "copyright"),
        ("Tutti i diritti riservati", "it", "copyright"),
        ("Все права защищены", "ru", "copyright"),
        ("版权所有", "zh", "copyright"),
        ("Read more", "en", "read-more"),
        ("Lire la suite", "fr", "read-more"),
        ("Weiterlesen", "de", "read-more"),
        ("Leer más", "es", "read-more"),
        ("Lees meer", "nl", "read-more"),
        ("Read also: How the city saved its library", "en", "related"),
        ("Lire aussi : Le budget de la ville en hausse", "fr", "related"),
        ("Mehr zum Thema: Der Haushalt der Stadt", "de", "related"),
        ("Lee también: El presupuesto de la ciudad", "es", "related"),
        ("Leggi anche: il bilancio della città", "it", "related"),
        ("Leia também: o orçamento da cidade", "pt", "related"),
        ("Читайте также: бюджет города", "ru", "related"),
        ("相关阅读", "zh", "related"),
        ("Page d'accueil > Informations récentes", "fr", "breadcrumb"),
        ("Home » World » Europe", "en", "breadcrumb"),
        ("Startseite › Politik › Inland", "de", "breadcrumb"),
        ("Impressum | Datenschutz | Kontakt", "de", "footer"),
        ("Home | News | Sport | Weather", "en", "menu"),
        ("By Jane Doe", "en", "byline"),
        ("Par Jean Dupont", "fr", "byline"),
        ("Von Hans Müller", "de", "byline"),
        ("Par la rédaction", "fr", "byline"),
        ("Von der Redaktion", "de", "byline"),
        ("By Staff", "en", "byline"),
        ("Updated: March 3, 2021 10:45", "en", "date"),
        ("Publié le 12 mars 2023 à 10h05", "fr", "date"),
        ("2023-11-08 23:10", "en", "date"),
    ],
)
def test_rule(line: str, lang: str, rule: str) -> None:
    decision = decide(line, lang)
    assert (decision.keep, decision.rule) == (False, rule)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Le président pose devant le bâtiment. (AFP)", "fr"),
        ("La photo montre la conférence à Shenyang, le 6 septembre. (PRNewsfoto/Xinhua)", "fr"),
        ("Photo : Jean Dupont", "fr"),
        ("Foto: dpa", "de"),
        ("The mayor at the library on Tuesday. Photo: John Smith/Reuters", "en"),
        ("© Getty Images", "en"),
        ("Whale expert Hori Parata at the beach. Photograph: Jane Doe for the Guardian", "en"),
        ("Even luxury hotels are not always cleaned as often as they should be Getty Images", "en"),
        ("Le ministre lors de sa visite à Lyon Shutterstock", "fr"),
    ],
)
def test_caption(line: str, lang: str) -> None:
    decision = decide(line, lang, where="middle")
    assert (decision.keep, decision.rule) == (False, "caption")


@pytest.mark.parametrize("lang", sorted(PROSE))
def test_prose_is_kept_in_every_language(lang: str) -> None:
    decisions = classify_lines(PROSE[lang], CleanConfig())
    assert [d.keep for d in decisions] == [True, True]
    assert {d.rule for d in decisions} == {"body"}


@pytest.mark.parametrize(
    "line",
    [
        "They share a common goal.",
        "He refused to print the letter.",
        "The cookies were baked at home by his grandmother.",
        "Il a dit [sic] non.",
        "Paris - Londres",
        "The photo library was sold to Getty Images.",
    ],
)
def test_sentences_with_lexicon_words_stay(line: str) -> None:
    assert (
        Lexicon.default().match(line, frozenset({"they", "a", "he", "to", "the", "by", "his"}))
        is None
    )
    assert not is_separator_menu(line)
    assert not is_breadcrumb(line)
    assert not is_caption(line, CREDITS)


def test_heading_between_paragraphs_is_kept() -> None:
    first, second = PROSE["fr"]
    decisions = classify_lines([first, "Un avenir numérique partagé ?", second], CleanConfig())
    assert [d.keep for d in decisions] == [True, True, True]


def test_menu_run_at_head_is_dropped() -> None:
    menu = ["Accueil", "Actualités", "Sport", "Culture", "Économie", "Contact"]
    decisions = classify_lines([*menu, *PROSE["fr"]], CleanConfig())
    assert [d.keep for d in decisions] == [False] * len(menu) + [True, True]


def test_extra_phrases_from_config() -> None:
    config = CleanConfig(extra_phrases={"share": ["deel via de app"]})
    first, second = PROSE["nl"]
    decisions = classify_lines([first, second, "Deel via de app"], config)
    assert (decisions[2].keep, decisions[2].rule) == (False, "share")


def test_disabled_rule_is_not_applied() -> None:
    first, second = PROSE["en"]
    line = "Read also: How the city saved its library"
    decisions = classify_lines([first, line, second], CleanConfig(disabled_rules=["related"]))
    assert decisions[1].rule != "related"


def test_template_hashes_drop_recurring_lines() -> None:
    from curate.clean.templates import line_hash

    first, second = PROSE["en"]
    footer = "Example Gazette is published by Example Media Group in Springfield"
    decisions = classify_lines(
        [first, second, footer], CleanConfig(), template_hashes=frozenset({line_hash(footer)})
    )
    assert (decisions[2].keep, decisions[2].rule) == (False, "template")


def test_comment_thread_after_article_is_dropped() -> None:
    article = PROSE["en"] * 2
    thread = [
        "Barry Kooij · March 10, 2017 at 2:56 AM",
        "I feel like you are right on this one, the budget was long overdue for the schools.",
        "Ahmad Awais · March 10, 2017 at 11:55 AM",
        "Would the library really get that much of the money, or is that just a promise?",
        "Rick Rottman · March 11, 2017 at 2:18 PM",
        "Why does the council never ask the residents before such a big decision is made?",
    ]
    decisions = classify_lines([*article, *thread], CleanConfig())
    assert [d.keep for d in decisions] == [True] * 4 + [False] * 6
    assert {d.rule for d in decisions[4:]} == {"comments"}


def test_a_chinese_post_in_an_english_template_is_measured_as_chinese() -> None:
    from curate.clean.features import line_features
    from curate.clean.stopwords import StopLists

    # the page's longest lines are the template's: its language decides the first guess
    template = [
        "We use cookies and similar technologies to personalise content and ads, to provide "
        "social media features and to analyse our traffic across the whole of this website.",
        "Menu  Education  Science  Local  News  Politics  Latest  Environment  Health",
        *[
            f"Reader {k} wrote that this was one of the most beautiful places they had ever "
            "seen, and that they would go back there with their family next year."
            for k in range(8)
        ],
    ]
    post = ["我们在山里露营了两天，天气很冷，但是风景非常美丽，大家都很开心。"] * 40
    feats = line_features([*template, *post], StopLists.default())
    assert {f.lang for f in feats} == {"zh"}
    # the template's prose is still measured in English, its second language
    assert feats[0].stop > 0.3
    assert feats[-1].stop > 0.3
    # a few Chinese words in an English page leave it English
    few = line_features([*template, "分享到微信朋友圈"], StopLists.default())
    assert {f.lang for f in few} == {"en"}
