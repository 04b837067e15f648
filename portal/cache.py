"""The Redis cache: Django's own, keeping one redis.Redis client per server."""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    """Django's client makes a new redis.Redis for every cache call; building one (its table
    of reply callbacks) took 0.08 ms, and a logged-in page makes four or more calls (the
    session, the header's roles, the plan's fragments; issue 18). A redis.Redis is safe to
    share between threads and holds nothing but its connection pool, which Django already
    keeps one of per server."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
