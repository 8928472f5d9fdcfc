package io.github.coupapoexport.job;

import org.springframework.batch.core.job.Job;

/** The scheduled export, the replay of named POs ({@code --po}), and the dry run ({@code --dry-run}). */
public record ExportJobs(Job export, Job replay, Job dryRun) {
}
