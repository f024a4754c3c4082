"""Errors that carry a message meant for the station's staff (in Chinese)."""


class UserError(Exception):
    """Something the user can fix; `str(err)` is a complete Chinese sentence."""


class PermissionDenied(UserError):
    """The signed-in account's role does not allow this action."""


class ValidationError(UserError):
    """One or more field values were refused; `problems` holds them all."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("；".join(p.message for p in self.problems if p.is_error) or "输入有误")
