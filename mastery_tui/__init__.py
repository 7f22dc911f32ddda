"""mastery: practise the DBT skill Build Mastery from the terminal."""

__version__ = "0.1.0"
