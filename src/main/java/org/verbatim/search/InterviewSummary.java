package org.verbatim.search;

import java.util.List;

/**
 * An interview as search results show it. {@code date} is ISO (YYYY-MM-DD) or {@code null};
 * {@code skills} are the skills mentioned, most mentioned first; {@code recording} is where it can be
 * played, or {@code null}.
 */
public record InterviewSummary(String id, String title, List<String> candidates, List<String> interviewers,
                               String role, String date, List<String> tags, String outcome, String format,
                               int pairs, List<String> skills, Recording recording) {
}
