package dev.drydock.local.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.drydock.contract.OptMl;
import dev.drydock.contract.OptMl;
import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.model.JobName;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.local.job.HostLaunch;
import dev.drydock.local.job.HostLauncher;
import dev.drydock.local.job.HostProcess;
import dev.drydock.local.job.TrainerHeap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts each host as a container of the job's image, as SageMaker does: {@code IMAGE train}, never pulling, the
 * host's {@code /opt/ml} folders bind-mounted (input read-only), {@code /tmp} a writable tmpfs, running as the
 * calling user so that what the trainer writes belongs to the caller. One host gets no network ({@code none}, as
 * SageMaker's network isolation); several hosts share a user-defined internal network (no outside access) on which
 * each is reachable by its name {@code algo-N}. With a memory limit every container gets it as its memory and its
 * memory plus swap (so no swap: exceeding the limit gets it killed, as on an instance without swap).
 */
final class DockerLauncher implements HostLauncher {
    /** The label that marks every container and network drydock creates with the job's name. */
    static final String JOB_LABEL = DockerNames.JOB_LABEL;
    /** Where the container sees its host folder's parts: SageMaker's /opt/ml. */
    private static final OptMl IN_CONTAINER = OptMl.CONTAINER;

    private final DockerClient client;
    private final String dockerHost;
    private final long memoryLimit;
    private final long trainerHeap;
    private final DockerNames names;
    private final LeftoverContainers leftovers;
    private final Map<JobName, List<String>> containers = new ConcurrentHashMap<>();
    private final Map<JobName, String> networks = new ConcurrentHashMap<>();

    /**
     * A launcher on {@code client} for the jobs under {@code jobRoot}; {@code memoryLimit} is each container's limit
     * in bytes, 0 for none; {@code trainerHeap} the trainer JVM's heap in bytes, 0 for the JVM's default.
     */
    DockerLauncher(DockerClient client, String dockerHost, long memoryLimit, long trainerHeap, Path jobRoot) {
        this.client = client;
        this.trainerHeap = trainerHeap;
        this.dockerHost = dockerHost;
        this.memoryLimit = memoryLimit;
        this.names = new DockerNames(jobRoot);
        this.leftovers = new LeftoverContainers(client, names, this::removeContainer);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public void preflight(TrainingJobSpec spec) {
        DockerClients.ping(client, dockerHost);
        String image = spec.image().toString();
        InspectImageResponse inspected;
        try {
            inspected = client.inspectImageCmd(runnableReference(spec.image())).exec();
        } catch (NotFoundException e) {
            throw new ImageNotFoundException(image, "the image " + image + " is not in the Docker daemon at " + dockerHost
                    + ", and the local backend never pulls: build it (docker build -t " + image + " <folder with the Dockerfile>,"
                    + " or ImageRegistry.build), or pull or load it yourself first");
        } catch (RuntimeException e) {
            throw DockerClients.unavailable(dockerHost, e);
        }
        String[] entrypoint = inspected.getConfig() == null ? null : inspected.getConfig().getEntrypoint();
        if ((entrypoint == null || entrypoint.length == 0) && spec.containerEntrypoint().isEmpty()) {
            throw InvalidInputException.of("image", image, "must have an ENTRYPOINT: SageMaker starts the container as"
                    + " `IMAGE train`, so add ENTRYPOINT [\"java\", \"-jar\", \"/app/trainer.jar\"] (exec form) to its Dockerfile,"
                    + " or set the spec's containerEntrypoint");
        }
    }

    /**
     * The reference the daemon runs for {@code image}. An image pinned to a registry digest runs as written. A local
     * image that was never pushed has no registry digest, so the image registry pins it to its image ID
     * ({@code name@sha256:<id>}), a form {@code docker run} does not accept: it runs by that ID, which is exactly the
     * image that was resolved, even if the tag has moved since.
     */
    String runnableReference(ImageReference image) {
        if (image.digest() == null) {
            return image.toString();
        }
        try {
            client.inspectImageCmd(image.toString()).exec();
            return image.toString();
        } catch (NotFoundException | com.github.dockerjava.api.exception.BadRequestException e) {
            return image.digest();
        }
    }

    @Override
    public void beforeHosts(JobName job, List<String> hosts) {
        containers.put(job, new CopyOnWriteArrayList<>());
        if (hosts.size() < 2) {
            return;
        }
        String name = names.network(job);
        createNetwork(job, name, true);
        networks.put(job, name);
    }

    /**
     * Creates the job's network; a network of that name that this job root's same job left behind (its JVM was
     * killed) is removed first, and one that drydock did not create for this job root is never touched.
     */
    private String createNetwork(JobName job, String name, boolean mayRetry) {
        try {
            return client.createNetworkCmd().withName(name).withDriver("bridge").withInternal(true).withCheckDuplicate(true)
                    .withLabels(names.networkLabels(job)).exec().getId();
        } catch (ConflictException e) {
            com.github.dockerjava.api.model.Network existing;
            try {
                existing = client.inspectNetworkCmd().withNetworkId(name).exec();
            } catch (NotFoundException gone) {
                if (mayRetry) {
                    return createNetwork(job, name, false);
                }
                throw e;
            }
            boolean leftover = names.owns(existing.getLabels(), job)
                    && (existing.getContainers() == null || existing.getContainers().isEmpty());
            if (!leftover || !mayRetry) {
                throw new ConfigurationException("the Docker network " + name + " that job " + job + " needs exists and "
                        + (names.owns(existing.getLabels(), job) ? "still has containers attached (an earlier run of the job"
                        + " still runs?)" : "was not created by drydock for the job root " + names.jobRoot())
                        + ": remove it (docker network rm " + name + ") if it is not in use, then submit again");
            }
            removeNetwork(existing.getId());
            return createNetwork(job, name, false);
        }
    }

    @Override
    public boolean mountsCheckpointsAnywhere() {
        return true;
    }

    private static String checkpointPath(TrainingJobSpec spec) {
        // SageMaker mounts the synced checkpoints where the spec says (its default is /opt/ml/checkpoints).
        return spec.checkpoint() != null ? spec.checkpoint().localPath()
                : dev.drydock.core.model.CheckpointConfig.DEFAULT_LOCAL_PATH;
    }

    @Override
    public HostProcess launch(HostLaunch launch) {
        TrainingJobSpec spec = launch.spec();
        JobName job = spec.name();
        String name = names.container(job, launch.host());
        Map<String, String> variables = new java.util.TreeMap<>(launch.environment());
        if (trainerHeap > 0) {
            // The image's JVM reads it; the job's own JAVA_TOOL_OPTIONS come after and win, java_heap wins over both.
            String own = variables.get("JAVA_TOOL_OPTIONS");
            variables.put("JAVA_TOOL_OPTIONS", TrainerHeap.xmx(trainerHeap) + (own == null ? "" : " " + own));
        }
        List<String> env = new ArrayList<>();
        variables.forEach((k, v) -> env.add(k + "=" + v));
        Path root = launch.folder().root();
        HostConfig hostConfig = HostConfig.newHostConfig()
                .withBinds(new Bind(launch.folder().input().toString(), new Volume(IN_CONTAINER.inputDir().toString()), AccessMode.ro),
                        new Bind(launch.folder().model().toString(), new Volume(IN_CONTAINER.modelDir().toString()), AccessMode.rw),
                        new Bind(launch.folder().output().toString(), new Volume(IN_CONTAINER.outputDir().toString()), AccessMode.rw),
                        new Bind(launch.folder().checkpoints().toString(), new Volume(checkpointPath(spec)), AccessMode.rw))
                .withTmpFs(Map.of("/tmp", "rw,exec,nosuid,size=1g"))
                .withNetworkMode(networks.getOrDefault(job, "none"));
        if (memoryLimit > 0) {
            // Swap equal to memory means no swap, so a trainer that exceeds the limit is killed rather than slowed.
            hostConfig.withMemory(memoryLimit).withMemorySwap(memoryLimit);
        }
        CreateContainerCmd create = client.createContainerCmd(runnableReference(spec.image()))
                .withName(name)
                .withHostName(launch.host())
                .withUser(userOf(root))
                .withEnv(env)
                .withLabels(names.containerLabels(job, launch.host()))
                .withCmd(spec.containerArguments().isEmpty() ? List.of("train") : spec.containerArguments())
                .withHostConfig(hostConfig);
        if (!spec.containerEntrypoint().isEmpty()) {
            create.withEntrypoint(spec.containerEntrypoint());
        }
        if (networks.containsKey(job)) {
            create.withAliases(launch.host());
        }
        String id = createContainer(create, job, name, true);
        containers.computeIfAbsent(job, j -> new CopyOnWriteArrayList<>()).add(id);
        LeftoverContainers.record(root, id);
        client.startContainerCmd(id).exec();
        return new DockerHost(client, launch.host(), id, memoryLimit, launch.sink());
    }

    /**
     * Creates the container. A container of the same name is removed first only when this job root's same job left
     * it behind and it no longer runs (its JVM was killed before it could clean up); a running one, or one that
     * drydock did not create for this job root, is left alone and the host fails to start, saying so.
     */
    private String createContainer(CreateContainerCmd create, JobName job, String name, boolean mayRetry) {
        try {
            return create.exec().getId();
        } catch (NotFoundException e) {
            throw new ImageNotFoundException(create.getImage(), "the image " + create.getImage() + " disappeared from the"
                    + " Docker daemon before the job started; build it again");
        } catch (ConflictException e) {
            InspectContainerResponse existing;
            try {
                existing = client.inspectContainerCmd(name).exec();
            } catch (NotFoundException gone) {
                if (mayRetry) {
                    return createContainer(create, job, name, false);
                }
                throw e;
            }
            boolean ours = names.owns(existing.getConfig() == null ? null : existing.getConfig().getLabels(), job);
            boolean running = existing.getState() != null && Boolean.TRUE.equals(existing.getState().getRunning());
            if (!ours || running || !mayRetry) {
                throw new ConfigurationException("a container named " + name + " exists and "
                        + (ours ? "still runs an earlier job " + job + " of the job root " + names.jobRoot()
                        : "was not created by drydock for job " + job + " of the job root " + names.jobRoot())
                        + "; drydock removes only containers it owns: remove it yourself (docker rm -f " + name
                        + ") if it is not needed, then submit again");
            }
            removeContainer(existing.getId());
            return createContainer(create, job, name, false);
        }
    }

    @Override
    public List<String> endLeftovers(Path jobFolder, Duration grace) {
        List<String> ended = leftovers.end(jobFolder, grace);
        try {
            removeNetwork(names.network(JobName.of(jobFolder.getFileName().toString())));
        } catch (RuntimeException e) {
            // not a job folder's name: no network either
        }
        return ended;
    }

    @Override
    public void afterHosts(JobName job) {
        List<String> ids = containers.remove(job);
        if (ids != null) {
            ids.forEach(this::removeContainer);
        }
        String network = networks.remove(job);
        if (network != null) {
            removeNetwork(network);
        }
    }

    private void removeContainer(String idOrName) {
        try {
            client.removeContainerCmd(idOrName).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException | ConflictException e) {
            // Gone already, or being removed: fine.
        } catch (RuntimeException e) {
            // The daemon went away: nothing more can be done from here.
        }
    }

    private void removeNetwork(String name) {
        try {
            client.removeNetworkCmd(name).exec();
        } catch (NotFoundException e) {
            // Not there: fine.
        } catch (RuntimeException e) {
            // Still in use or daemon gone: a later job of that name removes it first.
        }
    }

    /** {@code uid:gid} of the folder this process created, which is the calling user. */
    private static String userOf(Path ownedFolder) {
        try {
            Object uid = Files.getAttribute(ownedFolder, "unix:uid");
            Object gid = Files.getAttribute(ownedFolder, "unix:gid");
            return uid + ":" + gid;
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigurationException("could not find the calling user's uid to run the container as (reading "
                    + ownedFolder + "): " + e.getMessage(), e);
        }
    }
}
