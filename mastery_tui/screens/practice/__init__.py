"""The "do it now" flow: before ratings, timer, after ratings, acknowledgement, adjustment."""
