"""The one reader of the environment for every settings module (django-environ).

A missing variable without a default raises ImproperlyConfigured("Set the NAME environment
variable"); env.bool takes true/1/yes/on (and false/0/no/off); env.int, env.list, env.db_url
parse the rest.
"""

import environ


class Env(environ.Env):
    """django-environ reads a value that starts with "$" as the name of another variable
    (its "proxied values", joke2k/django-environ#284, #415), so a SECRET_KEY made by Django's
    get_random_secret_key() or a password would fail or, worse, silently become another
    variable's value. Settings never refer to other variables: such a value is taken as it is."""

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        value = self.ENVIRON.get(var)
        if value is not None and value.startswith("$"):
            return value if cast is None else self.parse_value(value, cast)
        return super().get_value(var, cast=cast, default=default, parse_default=parse_default)


env = Env()

__all__ = ["env"]
