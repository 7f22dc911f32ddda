"""Errors the domain raises when input does not fit the model."""


class ValidationError(ValueError):
    """A value does not fit the model. The message is written for the person who typed it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
