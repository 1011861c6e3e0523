class ProjectError(Exception):
    """A project file that cannot be created, opened or written; the message is for users."""


class ProjectLocked(ProjectError):
    """Another process holds the project for writing."""

    def __init__(self, path, holder: str):
        super().__init__(
            f"{path} is open for writing by {holder or 'another process'}; "
            "close it there, or open this project read-only"
        )
        self.holder = holder
