# Shared by deploy/local/up and down. Source it; it sets paths and ports.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN="$ROOT/deploy/local/.run"
LOGS="$RUN/logs"
KEYS="$RUN/keys"
KAFKA_PORT="${KULTURPASS_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KULTURPASS_KAFKA_CONTROLLER_PORT:-9093}"
PASS_PORT="${KULTURPASS_PASS_PORT:-8081}"
ELIGIBILITY_PORT="${KULTURPASS_ELIGIBILITY_PORT:-8082}"
VENUE_PORT="${KULTURPASS_VENUE_PORT:-8083}"
DB_USER="${KULTURPASS_DB_USER:-kulturpass}"
DB_PASSWORD="${KULTURPASS_DB_PASSWORD:-kulturpass}"
DB_HOST="${KULTURPASS_DB_HOST:-localhost}"
DB_PORT="${KULTURPASS_DB_PORT:-5432}"
KEYCLOAK_PORT="${KULTURPASS_KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="${KULTURPASS_KEYCLOAK_MANAGEMENT_PORT:-8190}"
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
REALM_URL="$KEYCLOAK_URL/realms/kulturpass"
KEYCLOAK_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml")
KEYCLOAK_HOME="$ROOT/deploy/keycloak/target/keycloak-$KEYCLOAK_VERSION"

# all the processes of the local stack, in start order
COMPONENTS=(keycloak kafka pass-service eligibility-service venue-service)

pid_of() { cat "$RUN/$1.pid" 2>/dev/null || true; }
is_running() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
