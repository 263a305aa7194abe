"""Reads an iCalendar file with python3-icalendar and prints its events as
JSON, for internal/calendar's interop test: python3 read_ics.py FILE."""

import datetime
import json
import sys

import icalendar


def when(value):
    """A DATE as YYYY-MM-DD, a floating DATE-TIME as YYYY-MM-DDTHH:MM:SS."""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        raise ValueError("a time with a zone: %r" % value)
    return value.isoformat()


def main(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = []
    for event in cal.walk("VEVENT"):
        start = event.decoded("DTSTART")
        events.append({
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "description": str(event.get("DESCRIPTION", "")),
            "all_day": not isinstance(start, datetime.datetime),
            "start": when(start),
            "end": when(event.decoded("DTEND")),
            "alarms": [
                {
                    "action": str(alarm["ACTION"]),
                    "trigger_days": alarm.decoded("TRIGGER") / datetime.timedelta(days=1),
                    "description": str(alarm["DESCRIPTION"]),
                }
                for alarm in event.walk("VALARM")
            ],
        })
    errors = [str(e) for c in cal.walk() for e in getattr(c, "errors", [])]
    json.dump({
        "version": str(cal["VERSION"]),
        "prodid": str(cal["PRODID"]),
        "errors": errors,
        "events": events,
    }, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
