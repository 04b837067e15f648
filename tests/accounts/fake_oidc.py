"""A tiny OpenID Connect provider on 127.0.0.1, standing in for a MitID broker in tests: it
serves discovery, hands out codes, and refuses a token request whose PKCE verifier does not
match the challenge the login started with."""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jwt


class FakeOIDCProvider:
    def __init__(self, *, client_id: str, client_secret: str):
        self.client_id, self.client_secret = client_id, client_secret
        self.codes: dict[str, dict] = {}
        self.token_requests: list[dict] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    def log_in(self, *, authorize_url: str, claims: dict) -> str:
        """What the broker does when the person has proved who they are: remember the PKCE
        challenge of this login and give the browser a code for the callback."""
        query = {k: v[0] for k, v in parse_qs(urlsplit(authorize_url).query).items()}
        code = secrets.token_urlsafe(16)
        self.codes[code] = {"query": query, "claims": claims}
        return code

    def _discovery(self) -> dict:
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
        }

    def _token(self, form: dict) -> tuple[int, dict]:
        self.token_requests.append(form)
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or form.get("client_secret") != self.client_secret:
            return 400, {"error": "invalid_grant"}
        query = grant["query"]
        verifier = form.get("code_verifier", "")
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        if query.get("code_challenge_method") != "S256" or challenge != query.get(
            "code_challenge"
        ):
            return 400, {"error": "invalid_grant", "error_description": "PKCE mismatch"}
        now = int(time.time())
        claims = {"iss": self.url, "aud": self.client_id, "iat": now, "exp": now + 300}
        claims |= grant["claims"]
        self._userinfo = grant["claims"]
        id_token = jwt.encode(claims, self.client_secret, algorithm="HS256")
        access_token = "at-" + secrets.token_urlsafe(8)
        return 200, {"access_token": access_token, "token_type": "Bearer", "id_token": id_token}

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status: int, body: dict):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                path = urlsplit(self.path).path
                if path == "/.well-known/openid-configuration":
                    self._send(200, provider._discovery())
                elif path == "/userinfo":
                    self._send(200, getattr(provider, "_userinfo", {}))
                elif path == "/jwks":
                    self._send(200, {"keys": []})
                else:
                    self._send(404, {})

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if urlsplit(self.path).path == "/token":
                    self._send(*provider._token(form))
                else:
                    self._send(404, {})

        return Handler
