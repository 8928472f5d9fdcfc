package io.github.coupapoexport.job;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The jobs Spring Batch's operator restarts and stops: those this process has built. Without a registry of ours, the
 * operator every command uses builds its own and fills it with every job of the context, and with the jobs the Coupa
 * and ERP clients of a command that uses neither ({@code status}, {@code stop}), from settings it never checked: an
 * ERP setting of no use to {@code status} would stop it as a start-up failure, exit 1. {@code run} builds every job
 * at start, and a command that runs one builds it before it asks the operator to restart it.
 */
class BuiltJobs implements JobRegistry {

    private final ConfigurableListableBeanFactory beans;

    private final Map<String, Job> registered = new ConcurrentHashMap<>();

    BuiltJobs(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Job getJob(String name) {
        Job job = registered.get(name);
        return job != null ? job
                : built().stream().filter(each -> each.getName().equals(name)).findFirst().orElse(null);
    }

    @Override
    public List<String> getJobNames() {
        return built().stream().map(Job::getName).toList();
    }

    @Override
    public void register(Job job) {
        registered.put(job.getName(), job);
    }

    @Override
    public void unregister(String name) {
        registered.remove(name);
    }

    /** The job beans built so far, never one built for the asking. */
    private List<Job> built() {
        return Arrays.stream(beans.getBeanNamesForType(Job.class, false, false))
            .filter(beans::containsSingleton)
            .map(bean -> beans.getBean(bean, Job.class))
            .filter(Objects::nonNull)
            .toList();
    }
}
