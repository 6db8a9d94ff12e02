"""The programme editor: the programme services and the page that drives them."""

import datetime as dt

import icalendar
import pytest

from icc.conftest import client_for
from icc.events.models import Event, Part, Person, PersonRole, Session, SessionKind, Slot, SlotKind
from icc.events.services import programme as programme_services

pytestmark = pytest.mark.django_db


def order(rows):
    return [str(r) for r in rows]


def test_programme_services_build_and_reorder_a_programme(make_event):
    event = make_event(questions=False)
    day1 = programme_services.part_create(
        event=event, title={"en": "Day 1", "fr": "Jour 1"}, date=dt.date(2030, 5, 6)
    )
    day2 = programme_services.part_create(
        event=event, title={"en": "Day 2"}, date=dt.date(2030, 5, 7)
    )
    programme_services.part_move(part=day2, direction="up")
    assert order(event.parts.all()) == ["Day 2", "Day 1"]
    late = programme_services.slot_create(part=day1, start=dt.time(11), end=dt.time(12))
    early = programme_services.slot_create(part=day1, start=dt.time(9), end=dt.time(10))
    coffee = programme_services.slot_create(
        part=day1,
        start=dt.time(10),
        end=dt.time(11),
        kind=SlotKind.COFFEE_BREAK,
        title={"en": "Coffee", "fr": "Café"},
    )
    assert list(day1.slots.all()) == [early, coffee, late]  # placed by start time
    with pytest.raises(ValueError, match="break holds no session"):
        programme_services.session_create(slot=coffee, kind=SessionKind.TALK, title={"en": "No"})
    with pytest.raises(ValueError, match="must come after"):
        programme_services.slot_create(part=day1, start=dt.time(14), end=dt.time(13))
    a = programme_services.session_create(slot=early, kind=SessionKind.TALK, title={"en": "A"})
    b = programme_services.session_create(slot=early, kind=SessionKind.PANEL, title={"en": "B"})
    programme_services.session_move(session=b, direction="up")
    assert order(early.sessions.all()) == ["B", "A"]
    with pytest.raises(ValueError, match="before making it a break"):
        programme_services.slot_update(
            slot=early, start=dt.time(9), end=None, kind=SlotKind.LUNCH_BREAK
        )
    ana = programme_services.person_create(
        name="Ana Pérez", title={"en": "Mayor", "fr": "Maire"}, organisation={}
    )
    ben = programme_services.person_create(name="Ana Pérez", title={}, organisation={})
    assert (ana.slug, ben.slug) == ("ana-perez", "ana-perez-2")
    first = programme_services.session_person_add(session=a, person=ana, role=PersonRole.MODERATOR)
    programme_services.session_person_add(session=a, person=ben, role=PersonRole.SPEAKER)
    with pytest.raises(ValueError, match="already has this role"):
        programme_services.session_person_add(session=a, person=ana, role=PersonRole.MODERATOR)
    programme_services.session_person_move(session_person=first, direction="down")
    assert [sp.person.slug for sp in a.people.all()] == ["ana-perez-2", "ana-perez"]
    item = programme_services.session_item_create(session=a, text={"en": "One"})
    programme_services.session_item_create(session=a, text={"en": "Two"})
    programme_services.session_item_move(item=item, direction="down")
    assert order(a.items.all()) == ["Two", "One"]
    programme_services.session_delete(session=b)
    assert [s.position for s in early.sessions.all()] == [0]
    programme_services.part_delete(part=day2)
    assert [p.position for p in event.parts.all()] == [0]
    assert Person.objects.count() == 2  # people stay in the directory


def test_editor_page_drives_the_programme_services(make_event, users):
    event = make_event(questions=False)
    client = client_for(users["secretariat"])
    url = f"/en/events/{event.slug}/programme/edit/"

    def post(**data):
        response = client.post(url, data)
        assert response.status_code == 302
        return response

    post(op="part-add", title_en="Day one", title_fr="Premier jour", date="2030-05-06")
    part = Part.objects.get(event=event)
    assert Part.objects.values_list("title_fr", flat=True).get(pk=part.pk) == "Premier jour"
    post(op="slot-add", id=part.pk, start="09:30", end="11:00", kind="sessions")
    slot = Slot.objects.get(part=part)
    post(op="session-add", id=slot.pk, kind="talk", title_en="Welcome", title_fr="Bienvenue")
    session = Session.objects.get(slot=slot)
    post(op="person-add", id=session.pk, role="speaker", name="Nadia Haddad", title_en="Mayor")
    post(op="item-add", id=session.pk, text_en="Questions", text_fr="Questions-réponses")
    post(
        op="session-edit",
        id=session.pk,
        kind="discussion",
        title_en="Welcome words",
        title_fr="Mots de bienvenue",
        description_en="",
        description_fr="",
        location_en="",
        location_fr="",
    )
    assert Session.objects.values_list("kind", "title_en", "title_fr").get(pk=session.pk) == (
        "discussion",
        "Welcome words",
        "Mots de bienvenue",
    )
    page = client.get(url).content.decode()
    assert "Nadia Haddad, Mayor" in page and "Questions" in page
    agenda = client.get(f"/fr/events/{event.slug}/agenda/").content.decode()
    assert "Mots de bienvenue" in agenda and ">9h30</time> – <time" in agenda and ">11h<" in agenda
    # invalid input: a message, nothing changed
    response = client.post(
        url,
        {"op": "slot-add", "id": part.pk, "start": "12:00", "end": "11:00", "kind": "sessions"},
        follow=True,
    )
    assert "The end must come after the start." in response.content.decode()
    assert Slot.objects.filter(part=part).count() == 1
    response = client.post(
        url, {"op": "part-add", "title_fr": "Sans anglais", "date": "2030-05-07"}, follow=True
    )
    assert "Title (English)" in response.content.decode()
    # rows of another event cannot be reached through this event's editor
    other = make_event("other", questions=False)
    other_url = f"/en/events/{other.slug}/programme/edit/"
    assert client.post(other_url, {"op": "part-delete", "id": part.pk}).status_code == 404
    post(op="part-delete", id=part.pk)
    assert not Part.objects.filter(event=event).exists()


def test_editor_shows_english_and_french_inputs_filled_and_escaped(make_event, users):
    event = make_event(questions=False)
    part = programme_services.part_create(
        event=event, title={"en": 'Day "one" <b>', "fr": "Premier jour"}, date=dt.date(2030, 5, 6)
    )
    slot = programme_services.slot_create(part=part, start=dt.time(9))
    page = client_for(users["secretariat"]).get(f"/en/events/{event.slug}/programme/edit/")
    body = page.content.decode()
    assert (
        f'<label for="part{part.pk}-title_en">Title (English) *</label>'
        f'<input type="text" id="part{part.pk}-title_en" name="title_en" '
        'value="Day &quot;one&quot; &lt;b&gt;" required>'
    ) in body
    assert (
        f'<label for="part{part.pk}-title_fr">Title (French)</label>'
        f'<input type="text" id="part{part.pk}-title_fr" name="title_fr" value="Premier jour">'
    ) in body
    # the long field of the slot's "add a session" form
    assert f'id="add-session{slot.pk}-description_en" name="description_en" rows="3">' in body


def test_a_part_edited_in_french_keeps_its_date_and_its_slots_their_times(make_event, users):
    event = make_event(questions=False)
    part = programme_services.part_create(
        event=event, title={"en": "Day one", "fr": "Premier jour"}, date=dt.date(2030, 5, 6)
    )
    slot = programme_services.slot_create(part=part, start=dt.time(9, 30), end=dt.time(11))
    client = client_for(users["secretariat"])
    url = f"/fr/events/{event.slug}/programme/edit/"
    page = client.get(url).content.decode()
    # the browser's date and time boxes show their values only in ISO form
    date_box = f'id="part-{part.pk}-date" name="date" value="2030-05-06"'
    assert date_box in page
    assert f'id="slot-{slot.pk}-start" name="start" value="09:30"' in page
    # what the boxes send back when only the title is changed
    client.post(
        url,
        {"op": "part-edit", "id": part.pk, "title_en": "Day one", "title_fr": "Jour un",
         "date": "2030-05-06"},
    )  # fmt: skip
    saved = Part.objects.values_list("title_fr", "date").get(pk=part.pk)
    assert saved == ("Jour un", dt.date(2030, 5, 6))
    assert date_box in client.get(url).content.decode()


def _stamps(client, event):
    calendar = icalendar.Calendar.from_ical(
        client.get(f"/en/events/{event.slug}/calendar.ics").content
    )
    return [
        (str(e["SUMMARY"]), e.decoded("DTSTART").strftime("%H:%M"), e.decoded("DTSTAMP"))
        for e in calendar.walk("VEVENT")
    ]


def test_a_programme_edited_in_the_editor_gives_calendars_a_newer_stamp(make_event, users):
    event = make_event(questions=False)
    part = programme_services.part_create(
        event=event, title={"en": "Day"}, date=dt.date(2030, 5, 6)
    )
    slot = programme_services.slot_create(part=part, start=dt.time(9, 30), end=dt.time(11))
    session = programme_services.session_create(
        slot=slot, kind=SessionKind.TALK, title={"en": "Welcome"}
    )
    speaker = programme_services.person_create(name="Nadia Haddad", title={}, organisation={})
    programme_services.session_person_add(session=session, person=speaker, role=PersonRole.SPEAKER)
    long_ago = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    Event.objects.filter(pk=event.pk).update(updated_at=long_ago)  # as sent in an e-mail
    client = client_for(users["secretariat"])
    assert _stamps(client, event) == [("Welcome", "09:30", long_ago)]
    url = f"/en/events/{event.slug}/programme/edit/"
    client.post(url, {"op": "slot-edit", "id": slot.pk, "start": "10:00", "kind": "sessions"})
    [(title, start, stamp)] = _stamps(client, event)
    assert (title, start) == ("Welcome", "10:00") and stamp > long_ago
    Event.objects.filter(pk=event.pk).update(updated_at=long_ago)
    client.post(url, {"op": "person-edit", "id": session.people.get().pk, "name": "Nadia H."})
    assert _stamps(client, event)[0][2] > long_ago  # the description names the speaker


def test_the_french_editor_names_the_languages_in_lower_case_inside_its_labels(make_event, users):
    event = make_event(questions=False)
    client = client_for(users["secretariat"])
    url = f"/fr/events/{event.slug}/programme/edit/"
    body = client.get(url).content.decode()
    assert 'title_en">Titre (anglais) *</label>' in body
    assert 'title_fr">Titre (français)</label>' in body and "(Anglais)" not in body
    page = client.post(url, {"op": "part-add", "date": "2030-05-06"}, follow=True)
    assert "Titre (anglais)\u00a0: Ce champ est obligatoire." in page.content.decode()


def test_a_refused_change_comes_back_with_what_was_typed_and_the_error_by_its_field(
    make_event, users
):
    event = make_event(questions=False)
    part = programme_services.part_create(
        event=event, title={"en": "Day one"}, date=dt.date(2030, 5, 6)
    )
    slot = programme_services.slot_create(part=part, start=dt.time(9, 30), end=dt.time(11))
    client = client_for(users["secretariat"])
    url = f"/fr/events/{event.slug}/programme/edit/"
    # an end before the start: the typed times and title, not the stored 9:30–11:00
    response = client.post(
        url,
        {"op": "slot-edit", "id": slot.pk, "start": "14:00", "end": "13:00",
         "kind": "lunch_break", "title_en": "Long lunch", "title_fr": "Long déjeuner"},
    )  # fmt: skip
    assert response.status_code == 400
    body = response.content.decode()
    assert (
        f'id="slot-{slot.pk}-end" name="end" value="13:00" aria-invalid="true" '
        f'aria-describedby="slot-{slot.pk}-end-error"><p class="errorlist" role="alert" '
        f'id="slot-{slot.pk}-end-error">La fin doit être postérieure au début.</p>'
    ) in body
    assert f'id="slot-{slot.pk}-start" name="start" value="14:00"' in body
    assert f'id="slot{slot.pk}-title_fr" name="title_fr" value="Long déjeuner"' in body
    assert '<option value="lunch_break" selected>' in body
    assert "<details open><summary>Modifier le créneau" in body
    assert Slot.objects.values_list("start", "end").get(pk=slot.pk) == (dt.time(9, 30), dt.time(11))
    # a missing English title: the French title and the description typed stay
    response = client.post(
        url,
        {"op": "session-add", "id": slot.pk, "kind": "panel", "title_en": "",
         "title_fr": "Table ronde", "description_fr": "Trois maires <b>parlent</b>"},
    )  # fmt: skip
    body = response.content.decode()
    assert f'id="add-session{slot.pk}-title_fr" name="title_fr" value="Table ronde"' in body
    assert "Trois maires &lt;b&gt;parlent&lt;/b&gt;</textarea>" in body
    assert (
        f'<p class="errorlist" role="alert" id="add-session{slot.pk}-title_en-error">'
        "Ce champ est obligatoire.</p>"
    ) in body
    assert not Session.objects.exists()
    # a rule of the services (a break holds no session): said in the form, the typing kept
    programme_services.slot_update(
        slot=slot, start=dt.time(9, 30), end=None, kind=SlotKind.LUNCH_BREAK
    )
    response = client.post(
        url, {"op": "session-add", "id": slot.pk, "kind": "talk", "title_en": "Lunch talk"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Une pause ne contient aucune séance" in body
    assert f'id="add-session{slot.pk}-title_en" name="title_en" value="Lunch talk"' in body
    # the English page says it in English
    response = client.post(
        url.replace("/fr/", "/en/"),
        {"op": "part-add", "title_fr": "Jour deux", "date": "2030-13-01"},
    )
    body = response.content.decode()
    assert 'id="add-part-title_fr" name="title_fr" value="Jour deux"' in body
    assert 'id="add-part-date" name="date" value="2030-13-01" required aria-invalid="true"' in body
    assert (
        '<p class="errorlist" role="alert" id="add-part-date-error">Enter a valid date.</p>' in body
    )
