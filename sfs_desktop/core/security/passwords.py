"""Password rules: refuse what a colleague or a script would guess first."""

from __future__ import annotations

MIN_LENGTH = 8
_COMMON = {"12345678", "123456789", "1234567890", "password", "password1", "admin123", "qwerty123",
           "11111111", "88888888", "66666666", "abc12345", "a1234567", "sfs12345"}


def password_problem(password: str, *, username: str = "", station_code: str = "") -> str | None:
    """None if acceptable, else one Chinese sentence saying what to change."""
    if len(password) < MIN_LENGTH:
        return f"密码至少需要 {MIN_LENGTH} 位（现为 {len(password)} 位）"
    if password.isdigit():
        return "密码不能全是数字，请加入字母或符号"
    if len(set(password)) < 4:
        return "密码重复字符太多，请换一个"
    low = password.lower()
    if low in _COMMON:
        return "这个密码太常见，请换一个"
    if station_code and station_code.lower() in low:
        return "密码不能包含司法所代码"
    if username and len(username) >= 3 and username.lower() in low:
        return "密码不能包含用户名"
    return None
