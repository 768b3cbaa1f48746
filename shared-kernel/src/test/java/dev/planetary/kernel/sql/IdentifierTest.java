package dev.planetary.kernel.sql;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class IdentifierTest {

    @Nested
    class Quoting {

        @Test
        void plainNameIsStillQuoted() {
            assertThat(Identifier.of("invoice").quoted()).isEqualTo("\"invoice\"");
        }

        @Test
        void embeddedDoubleQuoteIsDoubled() {
            assertThat(Identifier.of("a\"b").quoted()).isEqualTo("\"a\"\"b\"");
        }

        @Test
        void caseAndSpacesAreKept() {
            assertThat(Identifier.of("Mixed Case").quoted()).isEqualTo("\"Mixed Case\"");
        }

        @Test
        void injectionAttemptRendersAsOneQuotedIdentifier() {
            assertThat(Identifier.of("x\"; DROP TABLE t; --").quoted())
                    .isEqualTo("\"x\"\"; DROP TABLE t; --\"");
        }

        @Test
        void onlyDoubleQuoteIsSpecialInsideAQuotedIdentifier() {
            assertThat(Identifier.of("it's \\ $1 $$").quoted()).isEqualTo("\"it's \\ $1 $$\"");
        }

        @Test
        void nameOfOnlyQuotes() {
            assertThat(Identifier.of("\"\"").quoted()).isEqualTo("\"\"\"\"\"\"");
        }

        @Test
        void nameAndToStringAreTheRawName() {
            Identifier identifier = Identifier.of("a\"b");
            assertThat(identifier.name()).isEqualTo("a\"b");
            assertThat(identifier).hasToString("a\"b");
        }
    }

    @Nested
    class Rejection {

        @Test
        void nullIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of(null))
                    .withMessageContaining("empty");
        }

        @Test
        void emptyIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of(""))
                    .withMessageContaining("empty");
        }

        @Test
        void nulIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of("a\0b"))
                    .withMessageContaining("NUL");
        }

        @Test
        void whitespaceOnlyIsAValidQuotedName() {
            // PostgreSQL accepts "   " as an identifier; only empty names are rejected.
            assertThat(Identifier.of(" ").quoted()).isEqualTo("\" \"");
        }
    }

    @Nested
    class LengthLimitInUtf8Bytes {

        @Test
        void sixtyThreeAsciiCharactersAreAccepted() {
            String name = "a".repeat(63);
            assertThat(Identifier.of(name).name()).hasSize(63);
        }

        @Test
        void sixtyFourAsciiCharactersAreRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of("a".repeat(64)))
                    .withMessageContaining("63 bytes");
        }

        @Test
        void thirtyTwoTwoByteCharactersAre64BytesAndRejected() {
            String name = "é".repeat(32); // 32 chars, 64 bytes
            assertThat(name).hasSize(32);
            assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of(name))
                    .withMessageContaining("63 bytes");
        }

        @Test
        void thirtyOneTwoByteCharactersPlusOneAsciiAre63BytesAndAccepted() {
            String name = "é".repeat(31) + "x";
            assertThat(Identifier.of(name).name()).isEqualTo(name);
        }

        @Test
        void threeByteCharactersCountThree() {
            assertThat(Identifier.of("€".repeat(21)).name()).hasSize(21); // 63 bytes
            assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of("€".repeat(21) + "x")); // 64 bytes
        }

        @Test
        void supplementaryCharactersCountFourBytes() {
            String fifteenEmoji = "😀".repeat(15); // 30 chars, 60 bytes
            assertThat(Identifier.of(fifteenEmoji + "abc").name()).isEqualTo(fifteenEmoji + "abc");
            assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of("😀".repeat(16)));
        }

        @Test
        void maxBytesIsNamedatalenMinusOne() {
            assertThat(Identifier.MAX_BYTES).isEqualTo(63);
        }
    }

    @Test
    void equalityAndOrderingAreByExactName() {
        assertThat(Identifier.of("Abc")).isEqualTo(Identifier.of("Abc")).isNotEqualTo(Identifier.of("abc"));
        assertThat(Identifier.of("a")).isLessThan(Identifier.of("b"));
    }

    @Nested
    class QualifiedNames {

        @Test
        void bothPartsAreQuoted() {
            assertThat(QualifiedName.of("Mixed Case", "a\"b").quoted()).isEqualTo("\"Mixed Case\".\"a\"\"b\"");
        }

        @Test
        void dotInsideAPartStaysInsideTheQuotes() {
            assertThat(QualifiedName.of("app.x", "y").quoted()).isEqualTo("\"app.x\".\"y\"");
        }

        @Test
        void displayIsForPeople() {
            QualifiedName name = QualifiedName.of("app", "invoice");
            assertThat(name.display()).isEqualTo("app.invoice");
            assertThat(name).hasToString("app.invoice");
        }

        @Test
        void partsAreValidatedAsIdentifiers() {
            assertThatIllegalArgumentException().isThrownBy(() -> QualifiedName.of("", "t"));
            assertThatIllegalArgumentException().isThrownBy(() -> QualifiedName.of("s", "x".repeat(64)));
        }

        @Test
        void missingPartsAreRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> QualifiedName.of(null, "t"))
                    .withMessageContaining("schema");
            assertThatIllegalArgumentException().isThrownBy(() -> QualifiedName.of("s", null))
                    .withMessageContaining("name");
            assertThatNullPointerException().isThrownBy(() -> new QualifiedName(null, Identifier.of("t")));
            assertThatNullPointerException().isThrownBy(() -> new QualifiedName(Identifier.of("s"), null));
        }
    }

    @Nested
    class Grantees {

        @Test
        void lowerCasePublicIsThePublicKeyword() {
            Grantee grantee = Grantee.of("public");
            assertThat(grantee).isSameAs(Grantee.PUBLIC);
            assertThat(grantee.isPublic()).isTrue();
            assertThat(grantee.sql()).isEqualTo("PUBLIC");
            assertThat(grantee.display()).isEqualTo("PUBLIC");
            assertThat(grantee.role()).isNull();
        }

        @Test
        void upperCasePublicIsTheKeywordButMixedCaseIsARole() {
            assertThat(Grantee.of("PUBLIC")).isSameAs(Grantee.PUBLIC);
            Grantee mixed = Grantee.of("Public");
            assertThat(mixed.isPublic()).as("a role named \"Public\" can exist, so it stays a role").isFalse();
            assertThat(mixed.sql()).isEqualTo("\"Public\"");
        }

        @Test
        void roleStartingWithPublicStaysAQuotedRole() {
            Grantee grantee = Grantee.of("Public Relations");
            assertThat(grantee.isPublic()).isFalse();
            assertThat(grantee.role()).isEqualTo(Identifier.of("Public Relations"));
            assertThat(grantee.sql()).isEqualTo("\"Public Relations\"");
            assertThat(grantee.display()).isEqualTo("Public Relations");
        }

        @Test
        void hostileRoleIsQuoted() {
            Grantee grantee = Grantee.of("x\"; DROP TABLE t; --");
            assertThat(grantee.sql()).isEqualTo("\"x\"\"; DROP TABLE t; --\"");
            assertThat(grantee).hasToString("x\"; DROP TABLE t; --");
        }

        @Test
        void roleFactoryRequiresARole() {
            assertThat(Grantee.role(Identifier.of("app_reader")).sql()).isEqualTo("\"app_reader\"");
            assertThatNullPointerException().isThrownBy(() -> Grantee.role(null));
        }

        @Test
        void emptyOrMissingNameIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> Grantee.of(""));
            assertThatIllegalArgumentException().isThrownBy(() -> Grantee.of(null));
        }
    }
}
