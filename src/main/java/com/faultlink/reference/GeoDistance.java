package com.faultlink.reference;

/**
 * Great-circle distance on a spherical Earth (haversine formula), the distance the attribution rules use
 * for neighbouring cells.
 */
public final class GeoDistance {
  /** Mean Earth radius (IUGG), km. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  private GeoDistance() {}

  /**
   * Great-circle distance in km between two points given in decimal degrees. Symmetric, 0 for the same
   * point, at most {@code π × EARTH_RADIUS_KM}; longitudes may be given in any range (179 and -181 are the
   * same meridian).
   */
  public static double km(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    // Absolute differences make the result exactly symmetric in its two points.
    double sinDPhi = Math.sin(Math.abs(phi2 - phi1) / 2);
    double sinDLambda = Math.sin(Math.toRadians(Math.abs(lon2 - lon1)) / 2);
    double a = sinDPhi * sinDPhi + Math.cos(phi1) * Math.cos(phi2) * sinDLambda * sinDLambda;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }
}
