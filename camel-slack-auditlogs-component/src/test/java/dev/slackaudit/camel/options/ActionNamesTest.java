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
package dev.slackaudit.camel.options;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The action option: a comma-separated list of names, checked against Slack's /actions. */
class ActionNamesTest {

    private static final Set<String> KNOWN = Set.of("user_login", "user_logout", "file_downloaded", "file_shared");

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null                          | ''",
            "''                            | ''",
            "' , ,'                        | ''",
            "user_login                    | user_login",
            "' user_login , file_shared '  | user_login,file_shared",
            "file_shared,user_login        | file_shared,user_login",
            "user_login,,user_login,user_logout | user_login,user_logout"
    })
    void readsTheNamesTrimmedWithoutBlanksOrRepeatsInTheOrderGiven(String typed, String names) {
        assertEquals(names.isEmpty() ? List.of() : List.of(names.split(",")), ActionNames.parse(typed));
    }

    @Test
    void acceptsNamesSlackLists() {
        assertDoesNotThrow(() -> ActionNames.check(List.of("user_login", "file_shared"), KNOWN));
    }

    @Test
    void refusesAnUnknownNameSuggestingTheClosestValidOnes() {
        assertEquals("Unknown action 'user_logn' in the action option: Slack's /actions does not list it. Closest valid"
                     + " names: user_login, user_logout, file_shared",
                     assertThrows(IllegalArgumentException.class,
                                  () -> ActionNames.check(List.of("user_login", "user_logn"), KNOWN)).getMessage());
    }
}
