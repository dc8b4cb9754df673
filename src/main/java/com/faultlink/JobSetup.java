package com.faultlink;

import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.faultlink.reference.TopologyTable;
import com.faultlink.runtime.KafkaReachability;
import java.nio.file.Path;

/**
 * What a job is built from, read and checked before anything starts: the config and the reference tables. A
 * problem throws {@link com.faultlink.config.ConfigException} or {@link
 * com.faultlink.reference.ReferenceDataException} with one message naming the key or file.
 */
record JobSetup(FaultLinkConfig config, CellTable cells, RegionTable regions) {

  /**
   * @param onCluster a cluster submission: no development customer-key secret, and no broker check here (the
   *     client that submits may not reach the brokers the job will)
   */
  static JobSetup load(Path configFile, boolean onCluster) {
    FaultLinkConfig config = ConfigLoader.load(configFile);
    ConfigLoader.requireRealSecret(config, onCluster);
    if (!onCluster && ConfigLoader.usesKafka(config)) {
      KafkaReachability.require(config); // one line now, not minutes of client retries
    }
    CellTable cells = CellTable.load(Path.of(config.reference().cells()));
    RegionTable regions = RegionTable.loadFor(cells, Path.of(config.reference().cells()),
        Path.of(config.reference().regions()));
    TopologyTable.forConfig(config.reference().topology(), cells); // a bad row refuses the start here
    return new JobSetup(config, cells, regions);
  }
}
