"""``python -m mapstory …``: see :mod:`mapstory.cli`."""

from mapstory.cli import main

raise SystemExit(main())
