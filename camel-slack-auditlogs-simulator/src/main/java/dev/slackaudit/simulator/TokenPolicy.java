/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.slackaudit.simulator;

import java.util.Map;
import java.util.Optional;

/** Decides whether a request's {@code Authorization} header may read {@code /logs}. */
final class TokenPolicy {

    private static final String BEARER = "Bearer ";

    private final String token;
    private final Map<String, TokenError> tokenErrors;
    private final boolean unauthorizedBody;

    /**
     * @param unauthorizedBody whether a 401 carries Slack's JSON error; Slack has been seen answering an
     *                         invalid token with an empty 401, so clients must cope with both
     */
    TokenPolicy(String token, Map<String, TokenError> tokenErrors, boolean unauthorizedBody) {
        this.token = token;
        this.tokenErrors = Map.copyOf(tokenErrors);
        this.unauthorizedBody = unauthorizedBody;
    }

    boolean accepts(String authorization) {
        return reject(authorization).isEmpty();
    }

    /** The rejection for this header, or empty if the request is authorized. */
    Optional<Reply> reject(String authorization) {
        String presented = bearerToken(authorization);
        if (presented == null) {
            return Optional.of(unauthorized("missing_authentication"));
        }
        TokenError error = tokenErrors.get(presented);
        if (error != null) {
            return Optional.of(Reply.error(error.status(), error.code()));
        }
        return presented.equals(token) ? Optional.empty() : Optional.of(unauthorized("invalid_authentication"));
    }

    private Reply unauthorized(String code) {
        return unauthorizedBody ? Reply.error(401, code) : Reply.empty(401);
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String presented = authorization.substring(BEARER.length()).trim();
        return presented.isEmpty() ? null : presented;
    }

    /** The answer configured for one token through {@code tokenError(token, status, code)}. */
    record TokenError(int status, String code) {
    }
}
