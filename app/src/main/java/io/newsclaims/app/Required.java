package io.newsclaims.app;

import io.newsclaims.records.kafka.KafkaClients;
import picocli.CommandLine;

/** Checks of options a command cannot do without, with the fix in the message. */
final class Required {
    private Required() {
    }

    /** The clients of the cluster the worker needs, once one of its bootstrap servers accepts a connection. */
    static KafkaClients kafka(KafkaOptions kafka, CommandLine commandLine) {
        if (kafka.bootstrapServers == null || kafka.bootstrapServers.isBlank()) {
            throw new CommandLine.ParameterException(commandLine,
                    "this worker needs a Kafka cluster: set --bootstrap-servers or NEWSCLAIMS_BOOTSTRAP_SERVERS "
                            + "(`newsclaims run` starts an embedded one instead)");
        }
        KafkaPreflight.check(kafka.bootstrapServers); // a refused address fails now, not after a silent minute
        return KafkaClients.of(kafka.bootstrapServers);
    }
}
