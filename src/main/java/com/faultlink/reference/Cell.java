package com.faultlink.reference;

import java.io.Serializable;

/** A row of the cell table: {@code cell_id,site_id,region,technology,lat,lon}. */
public record Cell(String cellId, String siteId, String region, String technology, double lat, double lon)
    implements Serializable {}
