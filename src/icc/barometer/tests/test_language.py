"""Short posts: the place's languages as a prior read them better, long posts keep what their
text says, and the pipeline and the command line give the prior from the place's country."""

import datetime as dt
import io

import numpy as np
import pytest
from django.core.management import call_command

from icc.barometer.models import Post
from icc.barometer.services import barometer_run
from icc.barometer.text.language import country_languages, identifier, languages_identify

# Short posts of the kind people write, each misread without a prior (checked below).
SHORT = {
    "fr": ["C'est nul", "Quelle honte", "Top"],
    "de": ["Danke euch allen!", "Super Fest", "Gut gemacht"],
    "es": ["Muy mal", "Qué vergüenza"],
    "sv": ["Tack alla!", "Helt sjukt", "Bra jobbat"],
}
COUNTRY = {"fr": "FR", "de": "DE", "es": "ES", "sv": "SE"}


def test_short_posts_misread_without_a_prior_are_read_with_their_places_languages():
    for lang, texts in SHORT.items():
        alone = languages_identify(texts)
        assert all(found != lang for found in alone), (lang, alone)
        prior = country_languages(COUNTRY[lang])
        assert languages_identify(texts, priors=[prior] * len(texts)) == [lang] * len(texts)


def test_a_long_post_keeps_the_language_of_its_text_and_no_prior_changes_nothing():
    english = (
        "Great to see so many neighbours at the summer festival in the park, thanks to all "
        "the volunteers who made it happen."
    )
    swedish = "Tack till alla grannar som hjälpte till med festen i parken i helgen!"
    assert languages_identify([english, swedish], priors=[("fr",), ("es",)]) == ["en", "sv"]
    texts = [english, "Tack alla!"]
    assert languages_identify(texts, priors=[None, ()]) == languages_identify(texts)
    # English is written everywhere: a short English post in a Spanish place stays English.
    assert languages_identify(["Well done"], priors=[("es",)]) == ["en"]
    # The prior is a probability: a share on the place's languages, one on English, the rest.
    prior = identifier().log_prior([("fr", "de"), None])
    assert abs(float(np.exp(prior[0]).sum()) - 1) < 1e-5
    assert not prior[1].any()


def test_country_languages():
    assert country_languages("ch") == ("de", "fr", "it")
    assert country_languages("NO") == ()  # Norwegian is not a candidate: no prior
    assert country_languages(None) == ()


@pytest.mark.django_db
def test_the_pipeline_reads_short_posts_with_the_place_countrys_language(directory):
    bilbao = directory["bilbao"]  # in Spain
    for i, text in enumerate(SHORT["es"]):
        Post.objects.create(
            place=bilbao, source="t", external_id=str(i), text=text,
            created_at=dt.datetime(2025, 3, 1, tzinfo=dt.UTC),
        )  # fmt: skip
    Post.objects.create(
        place=bilbao, source="t", external_id="given", text="Muy mal", language="pt",
        language_given=True, created_at=dt.datetime(2025, 3, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    barometer_run()
    found = dict(Post.objects.values_list("external_id", "language"))
    assert found == {"0": "es", "1": "es", "given": "pt"}


def test_classify_command_with_a_country(tmp_path):
    path = tmp_path / "posts.txt"
    path.write_text("Tack alla!\nBra jobbat\n", encoding="utf-8")
    out = io.StringIO()
    call_command(
        "barometer", "classify", "--model", "fast", "--country", "SE", str(path), stdout=out
    )
    assert out.getvalue().count('"lang": "sv"') == 2
