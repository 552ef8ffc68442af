"""`parse_quote`: a vendor's chat reply to an RFQ, read as offers per RFQ line.

Extractors claim facts from the reply in a fixed order, most specific first (see
`facts.Scan`); attribution assigns clauses to lines; each line's facts divide into
options; shared context fills what every line leaves open.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.vendor_replies.anchors import (
    extract_category_words,
    extract_leading_values,
    extract_values,
)
from bot.vendor_replies.attribution import attribute
from bot.vendor_replies.brands import extract_brands
from bot.vendor_replies.context import SharedContext, fill, shared_context
from bot.vendor_replies.datecodes import extract_date_codes
from bot.vendor_replies.declines import (
    extract_corrections,
    extract_declines,
    extract_listed_declines,
    extract_only_parts,
    extract_questions,
)
from bot.vendor_replies.facts import Decline, Defer, Fact, PartNumber, Scan
from bot.vendor_replies.items import extract_item_numbers
from bot.vendor_replies.lead_times import extract_lead_times
from bot.vendor_replies.lines import profiles
from bot.vendor_replies.markers import extract_markers
from bot.vendor_replies.model import OfferDraft, RfqLine
from bot.vendor_replies.normalise import normalise, uses_decimal_comma
from bot.vendor_replies.offers import Inherited, brand_of, currency_of, draft_offer, mpn_of
from bot.vendor_replies.options import (
    drop_negative_subclauses,
    is_alternative,
    reel_size,
    split_options,
    with_inherited,
)
from bot.vendor_replies.ordering import extract_ordering
from bot.vendor_replies.partnumbers import extract_part_numbers, line_keys
from bot.vendor_replies.prices import extract_prices, extract_unit_prices
from bot.vendor_replies.stock import extract_stock
from bot.vendor_replies.tax import extract_tax


def read_facts(text: str, rfq_lines: Sequence[RfqLine]) -> Scan:
    """Every fact in the reply, each claimed by the most specific reader first."""
    normalised = normalise(text)
    scan = Scan(normalised, uses_decimal_comma(normalised))
    numbers = [rfq.line for rfq in rfq_lines]
    lines = profiles(rfq_lines)
    extract_questions(scan)
    extract_listed_declines(scan, numbers)
    extract_item_numbers(scan, max(numbers))
    extract_part_numbers(scan, rfq_lines)
    extract_only_parts(scan, numbers)
    extract_brands(scan)
    extract_category_words(scan, lines)
    extract_declines(scan)
    extract_date_codes(scan)
    extract_tax(scan)
    extract_leading_values(scan, lines)
    extract_unit_prices(scan)
    extract_ordering(scan)
    extract_lead_times(scan)
    extract_stock(scan)
    extract_values(scan, lines)
    extract_corrections(scan)
    extract_prices(scan)
    extract_markers(scan)
    scan.facts.sort(key=lambda fact: fact.start)
    return scan


def parse_quote(text: str, rfq_lines: Sequence[RfqLine]) -> list[OfferDraft]:
    """The offers a reply makes, in the order it makes them; [] when it makes none."""
    if not rfq_lines or not text.strip():
        return []
    scan = read_facts(text, rfq_lines)
    numbers = [rfq.line for rfq in rfq_lines]
    by_mpn = {key.line for key in line_keys(rfq_lines) if key.exact} == set(numbers)
    per_line, shared = attribute(scan, numbers, by_mpn)
    shared_facts = [f for clause in shared for f in clause.facts]
    reel = reel_size(scan.facts)
    context = shared_context(shared_facts, scan.facts, numbers, reel)
    placed: list[tuple[int, int, OfferDraft]] = []
    for rfq in rfq_lines:
        facts = [
            f
            for clause in per_line.get(rfq.line, [])
            for f in clause.facts
            if not _names_another_line(f, rfq.line)
        ]
        placed.extend(_line_offers(scan, rfq, facts, context, reel))
    answered = {offer.line for _, _, offer in placed}
    deferred = {
        rfq.line
        for rfq in rfq_lines
        if any(isinstance(f, Defer) for c in per_line.get(rfq.line, []) for f in c.facts)
    }
    for index, rfq in enumerate(rfq_lines):
        if rfq.line in answered:
            continue
        if rfq.line in context.declined:
            placed.append((context.declined[rfq.line], index, OfferDraft(rfq.line, declined=True)))
        elif context.others_declined_at is not None and rfq.line not in deferred:
            placed.append((context.others_declined_at, index, OfferDraft(rfq.line, declined=True)))
        elif context.template is not None and rfq.line not in deferred:
            offer = _from_template(context.template, rfq, context)
            placed.append((context.position, index, offer))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [offer for _, _, offer in placed]


def _names_another_line(fact: Fact, line: int) -> bool:
    """A part number the RFQ asked for on another line ("SS34 SS14 0.05元" on SS14's line)."""
    return isinstance(fact, PartNumber) and bool(fact.lines) and line not in fact.lines


def _from_template(template: OfferDraft, rfq: RfqLine, context: SharedContext) -> OfferDraft:
    offer = OfferDraft(
        line=rfq.line,
        price=template.price,
        currency=template.currency,
        price_breaks=list(template.price_breaks),
        stock=template.stock,
        lead_time_days=template.lead_time_days,
        moq=template.moq,
        multiple=template.multiple,
        mpn=template.mpn,
        manufacturer=template.manufacturer,
        date_code=template.date_code,
        tax_included=template.tax_included,
    )
    return fill(offer, context, alternative=False)


def _line_offers(
    scan: Scan, rfq: RfqLine, facts: Sequence[Fact], context: SharedContext, reel: int | None
) -> list[tuple[int, int, OfferDraft]]:
    kept, named = drop_negative_subclauses(scan, facts)
    deferred = any(isinstance(f, Defer) for f in facts)
    split = split_options(scan, kept)
    header = split.header + named
    line_reel = reel_size(kept) or reel
    quantity = rfq.quantity
    if quantity is None and rfq.reels is not None and line_reel:
        quantity = rfq.reels * line_reel
    first = split.options[0]
    first_alternative = is_alternative(first.facts, mpn_of(header) or rfq.mpn, brand_of(header))
    part = header if first_alternative else with_inherited(first.facts, header)
    part_mpn, part_brand = mpn_of(part) or rfq.mpn, brand_of(part)
    sibling_currency = next(
        (
            currency_of(o.prices, o.facts)
            for o in split.options
            if currency_of(o.prices, o.facts) and not is_alternative(o.facts, part_mpn, part_brand)
        ),
        None,
    )
    placed: list[tuple[int, int, OfferDraft]] = []
    for index, option in enumerate(split.options):
        if index == 0:
            alternative = first_alternative
            facts_for = option.facts if alternative else with_inherited(option.facts, header)
        else:
            alternative = is_alternative(option.facts, part_mpn, part_brand)
            facts_for = option.facts if alternative else with_inherited(option.facts, part)
        inherited = Inherited() if alternative else Inherited(currency=sibling_currency)
        offer = draft_offer(rfq.line, option.prices, facts_for, inherited, line_reel, quantity)
        if offer is not None:
            placed.append((option.position, rfq.line, fill(offer, context, alternative)))
    if placed:
        return placed
    decline = next(
        (
            f
            for f in facts
            if isinstance(f, Decline) and f.lines is None and not f.others and not f.everything
        ),
        None,
    )
    if decline is not None and not deferred:
        return [(decline.start, rfq.line, OfferDraft(rfq.line, declined=True))]
    return []
