"""Requests for quote: opening them, fanning out to vendors, collecting what comes back.

The path of one RFQ: `open_rfq` parses the buyer's text and stores the lines with their
catalogue candidates; `Collector.collect` asks every active vendor at once and streams
events as answers are stored; human vendors' replies enter through `record_vendor_reply`;
the RFQ closes at its closing time, when late answers are still kept but never ranked.
"""
