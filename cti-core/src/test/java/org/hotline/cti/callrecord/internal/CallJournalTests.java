package org.hotline.cti.callrecord.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The call-record journal: order, commit, a torn tail after a crash, rolling and deleting segments, its bound. */
class CallJournalTests {

    @TempDir
    Path dir;

    @Test
    void entriesAreReadBackInOrderAfterTheCommittedPosition() {
        try (CallJournal journal = CallJournal.open(dir, 1 << 20, 1 << 24)) {
            for (int i = 0; i < 5; i++) {
                assertThat(journal.append(("e" + i).getBytes(UTF_8))).isTrue();
            }
            List<CallJournal.Entry> first = journal.read(journal.committed(), 2);
            assertThat(texts(first)).containsExactly("e0", "e1");
            journal.commit(first.get(1).end(), 2);

            assertThat(journal.pending()).isEqualTo(3);
            assertThat(texts(journal.read(journal.committed(), 10))).containsExactly("e2", "e3", "e4");
        }
    }

    @Test
    void aReopenedJournalHoldsWhatWasNotCommittedAndCutsATornTail() throws IOException {
        try (CallJournal journal = CallJournal.open(dir, 1 << 20, 1 << 24)) {
            journal.append("stored".getBytes(UTF_8));
            journal.commit(journal.read(journal.committed(), 1).get(0).end(), 1);
            journal.append("waiting-1".getBytes(UTF_8));
            journal.append("waiting-2".getBytes(UTF_8));
        }
        // a crash in the middle of an append leaves a header promising more bytes than were written
        Path segment = segments().get(0);
        Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 'x'}, StandardOpenOption.APPEND);

        try (CallJournal reopened = CallJournal.open(dir, 1 << 20, 1 << 24)) {
            assertThat(reopened.pending()).isEqualTo(2);
            assertThat(texts(reopened.read(reopened.committed(), 10))).containsExactly("waiting-1", "waiting-2");
            assertThat(reopened.append("after".getBytes(UTF_8))).isTrue();
            assertThat(texts(reopened.read(reopened.committed(), 10)))
                    .containsExactly("waiting-1", "waiting-2", "after");
        }
    }

    @Test
    void segmentsRollAtTheirSizeAndAreDeletedOnceCommitted() throws IOException {
        try (CallJournal journal = CallJournal.open(dir, 100, 1 << 20)) {
            for (int i = 0; i < 30; i++) {
                journal.append(("entry-" + i).getBytes(UTF_8));
            }
            assertThat(segments()).hasSizeGreaterThan(2);
            List<CallJournal.Entry> all = journal.read(journal.committed(), 100);
            assertThat(all).hasSize(30);
            assertThat(texts(all).get(29)).isEqualTo("entry-29");

            journal.commit(all.get(29).end(), 30);

            assertThat(segments()).hasSize(1);
            assertThat(journal.pending()).isZero();
            assertThat(journal.read(journal.committed(), 100)).isEmpty();
        }
    }

    @Test
    void aFullJournalRefusesAppendsUntilEntriesAreCommitted() {
        try (CallJournal journal = CallJournal.open(dir, 1 << 20, 100)) {
            byte[] forty = new byte[40];
            assertThat(journal.append(forty)).isTrue();
            assertThat(journal.append(forty)).isTrue();
            assertThat(journal.append(forty)).isFalse();
            assertThat(journal.pending()).isEqualTo(2);
        }
    }

    @Test
    void aSecondJournalOnTheSameFolderIsRefusedWithTheSetting() {
        try (CallJournal journal = CallJournal.open(dir, 1 << 20, 1 << 20)) {
            assertThatThrownBy(() -> CallJournal.open(dir, 1 << 20, 1 << 20))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("hotline.call-records.journal-dir");
        }
    }

    @Test
    void aTemporaryJournalIsDeletedWhenClosed() {
        CallJournal journal = CallJournal.openTemporary(1 << 20, 1 << 20);
        journal.append("x".getBytes(UTF_8));
        Path folder = journal.folder();
        assertThat(folder).exists();

        journal.close();

        assertThat(folder).doesNotExist();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".journal")).sorted().toList();
        }
    }

    private static List<String> texts(List<CallJournal.Entry> entries) {
        return entries.stream().map(e -> new String(e.payload(), UTF_8)).toList();
    }
}
