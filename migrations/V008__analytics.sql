-- Admin analytics read a quiz's chosen attempts (the first by default) per question: this index holds every column
-- those reports read, so both databases answer them from the index alone, without visiting the table's rows.
create index question_attempt_item_analysis_idx
    on question_attempt (question_id, attempt_no, user_id, fraction, time_taken_ms, option_ids);

-- The feedback report filters a course's answers by when they were last given.
create index chapter_feedback_updated_idx on chapter_feedback (chapter_id, updated_at);

-- Challenge pass rates per course and period.
create index challenge_submission_created_idx on challenge_submission (challenge_id, created_at);
