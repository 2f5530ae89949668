package org.verbatim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.verbatim.index.SolrConfigset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "solr", mixinStandardHelpOptions = true,
        description = {"Run the archive on SolrCloud: the configset Verbatim's schema and analysis need."},
        subcommands = {SolrCommand.Configset.class})
public final class SolrCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "configset", mixinStandardHelpOptions = true,
            description = {"Write the Solr configset (conf/managed-schema.xml, conf/solrconfig.xml, stop words) into OUT,",
                "from the same schema and analysis chains as the embedded index."})
    static final class Configset implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "OUT", description = "Folder to write the configset into.")
        Path out;

        @Override
        public Integer call() {
            try {
                List<Path> files = SolrConfigset.write(out);
                files.forEach(f -> spec.commandLine().getOut().println("wrote " + f));
                return ExitCodes.OK;
            } catch (IOException e) {
                spec.commandLine().getErr().println("verbatim solr configset: cannot write " + out + ": " + e.getMessage());
                return ExitCodes.ERROR;
            }
        }
    }
}
