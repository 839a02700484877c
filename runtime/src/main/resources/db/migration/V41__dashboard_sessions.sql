-- The dashboard's signed-in sessions. The signed cookie (dashboard.SessionCookie) names its session by a random
-- nonce and is honoured only while that row is here: signing out deletes the row, so a copy of the cookie taken
-- before is refused too; "sign out everywhere" deletes them all. Rows past their expiry are deleted at each sign-in.
CREATE TABLE dashboard_session (
    nonce       text        PRIMARY KEY,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
