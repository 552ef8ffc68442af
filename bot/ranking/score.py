"""A vendor's score out of 100, from its track record; new vendors start neutral at 50.

Four signals, each a number from 0 to 1:
- answer rate: the share of RFQs the vendor answered;
- answer time: 1 / (1 + average seconds / ANSWER_TIME_HALF_SCORE_SECONDS), so an answer
  in seconds scores near 1 and an average of half an hour scores 0.5;
- offers chosen: the share of its answers a buyer chose, scoring 0.5 at
  CHOSEN_NEUTRAL_RATE (one in five: with several vendors per RFQ most answers lose) and 1
  at twice that;
- buyer feedback: the average rating, each from 0 (bad) to 1 (good).
Each signal is a Bayesian average with PRIOR_WEIGHT neutral observations: a vendor's own
record outweighs the prior only as it grows, so two quick answers do not make a vendor
perfect and one bad rating does not ruin it.
"""

from __future__ import annotations

from bot.ranking.inputs import VendorRecord

NEUTRAL_SCORE = 50.0
#: Neutral pseudo-observations each signal starts with.
PRIOR_WEIGHT = 5.0
ANSWER_TIME_HALF_SCORE_SECONDS = 1800.0
CHOSEN_NEUTRAL_RATE = 0.2
WEIGHTS = {"answer_rate": 0.3, "answer_time": 0.2, "chosen": 0.2, "feedback": 0.3}


def _shrunk(observed_sum: float, count: float, prior_mean: float) -> float:
    """The mean of `count` observations summing to `observed_sum`, plus the prior's."""
    return (observed_sum + PRIOR_WEIGHT * prior_mean) / (max(count, 0.0) + PRIOR_WEIGHT)


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def score_signals(record: VendorRecord) -> dict[str, float]:
    """The four signals, each from 0 to 1, 0.5 for a vendor with no record."""
    asked = max(record.asked_count, 0)
    answered = min(max(record.answered_count, 0), asked) if asked else 0
    answer_rate = _shrunk(answered, asked, 0.5)

    if answered:
        average_seconds = max(record.answer_seconds_total, 0.0) / answered
        speed = 1.0 / (1.0 + average_seconds / ANSWER_TIME_HALF_SCORE_SECONDS)
        answer_time = _shrunk(speed * answered, answered, 0.5)
    else:
        answer_time = 0.5

    chosen = min(max(record.chosen_count, 0), answered)
    chosen_rate = _shrunk(chosen, answered, CHOSEN_NEUTRAL_RATE)
    chosen_signal = _clamp(chosen_rate / (2 * CHOSEN_NEUTRAL_RATE))

    rated = max(record.feedback_count, 0)
    average_rating = _clamp(record.feedback_total / rated) if rated else 0.5
    feedback = _shrunk(average_rating * rated, rated, 0.5)

    return {
        "answer_rate": answer_rate,
        "answer_time": answer_time,
        "chosen": chosen_signal,
        "feedback": feedback,
    }


def vendor_score(record: VendorRecord) -> float:
    """0 to 100, unrounded; 50 for a new vendor."""
    signals = score_signals(record)
    return 100.0 * sum(WEIGHTS[name] * value for name, value in signals.items())
