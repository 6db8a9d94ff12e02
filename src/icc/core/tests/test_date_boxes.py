"""A browser's date and time boxes read ISO values only (2025-01-15, 14:30): every form of
the platform that shows one writes its value that way on French pages too, or the box shows
empty and saving the form erases the date."""

import datetime as dt
import importlib
import pkgutil
from typing import Any

import pytest
from django import forms
from django.utils import translation

import icc

BOX_VALUES = {
    "date": (dt.date(2025, 1, 15), 'value="2025-01-15"'),
    "time": (dt.time(14, 30), 'value="14:30"'),
}


def _form_classes() -> list[type[forms.Form | forms.ModelForm[Any]]]:
    for module in pkgutil.walk_packages(icc.__path__, "icc."):
        leaf = module.name.rsplit(".", 1)[-1]
        if leaf == "forms" or module.name.endswith(".forms.editor"):
            importlib.import_module(module.name)
    found: list[type[forms.Form | forms.ModelForm[Any]]] = []
    pending: list[type[forms.Form | forms.ModelForm[Any]]] = [forms.Form, forms.ModelForm]
    while pending:
        for sub in pending.pop().__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("icc."):
                found.append(sub)
    return found


def _boxes() -> list[tuple[str, forms.Widget]]:
    boxes = []
    for form in _form_classes():
        for name, field in form.base_fields.items():
            if getattr(field.widget, "input_type", "") in BOX_VALUES:
                boxes.append((f"{form.__module__}.{form.__name__}.{name}", field.widget))
    return boxes


def test_the_forms_with_date_and_time_boxes_are_found() -> None:
    names = {name for name, _widget in _boxes()}
    assert {
        "icc.knowledge.forms.CallForm.deadline",
        "icc.events.forms.editor.PartForm.date",
        "icc.events.forms.editor.SlotForm.start",
        "icc.antirumours.forms.StageForm.starts_on",
        "icc.antirumours.forms.AgentForm.consent_on",
        "icc.antirumours.forms.TrainingForm.end",
    } <= names


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_date_and_time_box_shows_its_value_in_iso_form(language: str) -> None:
    wrong = []
    with translation.override(language):
        for name, widget in _boxes():
            value, expected = BOX_VALUES[getattr(widget, "input_type", "")]
            if expected not in widget.render("box", value):
                wrong.append(f"{name}: {widget.render('box', value)}")
    assert not wrong
