"""Importing a school's own protocol document (.docx, .odt, .txt) as a content/ draft.

    read (readers) -> elements (document.py) -> recognise (recognise.py) -> draft -> write

A library reads each format (python-docx, odfpy); the recogniser only sees a neutral list of
elements, so every format gets the same rules.
"""
