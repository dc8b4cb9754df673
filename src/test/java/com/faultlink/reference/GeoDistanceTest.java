package com.faultlink.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GeoDistanceTest {
  private static final double R = GeoDistance.EARTH_RADIUS_KM;
  /** Length of one degree along a great circle: 2πR / 360 = 111.19508 km. */
  private static final double KM_PER_DEGREE = R * Math.PI / 180;

  @Test
  void radiusIsTheMeanEarthRadius() {
    assertThat(R).isEqualTo(6371.0088);
    assertThat(KM_PER_DEGREE).isCloseTo(111.19508, within(1e-5));
  }

  @Test
  void samePointIsZero() {
    assertThat(GeoDistance.km(38.48, 106.23, 38.48, 106.23)).isZero();
    assertThat(GeoDistance.km(0, 0, 0, 0)).isZero();
    assertThat(GeoDistance.km(90, 0, 90, 123)).isCloseTo(0, within(1e-9)); // the pole, any longitude
  }

  @Test
  void alongAMeridianAndTheEquator() {
    assertThat(GeoDistance.km(38, 106, 39, 106)).isCloseTo(KM_PER_DEGREE, within(1e-9));
    assertThat(GeoDistance.km(0, 10, 0, 11)).isCloseTo(KM_PER_DEGREE, within(1e-9));
    assertThat(GeoDistance.km(-0.5, 0, 0.5, 0)).isCloseTo(KM_PER_DEGREE, within(1e-9));
    // 0.01° of latitude = 1.1119508 km
    assertThat(GeoDistance.km(38.48, 106.23, 38.49, 106.23)).isCloseTo(1.1119508, within(1e-6));
  }

  @Test
  void alongAParallelTheGreatCircleIsShorterThanTheParallel() {
    // at 60°N one degree of longitude is about cos 60° = half a degree of great circle
    double d = GeoDistance.km(60, 0, 60, 1);
    assertThat(d).isCloseTo(KM_PER_DEGREE / 2, within(0.01));
    assertThat(d).isLessThan(KM_PER_DEGREE / 2);
  }

  @Test
  void largeDistances() {
    assertThat(GeoDistance.km(90, 0, -90, 0)).isCloseTo(Math.PI * R, within(1e-6)); // pole to pole
    assertThat(GeoDistance.km(0, 0, 0, 180)).isCloseTo(Math.PI * R, within(1e-6)); // antipodes
    assertThat(GeoDistance.km(90, 0, 0, 77)).isCloseTo(Math.PI * R / 2, within(1e-6)); // pole to equator
  }

  @Test
  void knownCityPairs() {
    // Paris – London, about 343.5 km
    assertThat(GeoDistance.km(48.8566, 2.3522, 51.5074, -0.1278)).isCloseTo(343.56, within(0.01));
    // Yinchuan – Beijing, about 890 km
    assertThat(GeoDistance.km(38.4872, 106.2309, 39.9042, 116.4074)).isCloseTo(890.49, within(0.01));
  }

  @Test
  void acrossTheAntimeridianLongitudesWrap() {
    assertThat(GeoDistance.km(0, 179.5, 0, -179.5)).isCloseTo(KM_PER_DEGREE, within(1e-6));
    assertThat(GeoDistance.km(10, 180, 10, -180)).isCloseTo(0, within(1e-9));
    assertThat(GeoDistance.km(10, 190, 10, -170)).isCloseTo(0, within(1e-9));
  }

  @Test
  void symmetricAndTriangleInequality() {
    Random rnd = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      double lat1 = rnd.nextDouble() * 180 - 90;
      double lon1 = rnd.nextDouble() * 360 - 180;
      double lat2 = rnd.nextDouble() * 180 - 90;
      double lon2 = rnd.nextDouble() * 360 - 180;
      double lat3 = rnd.nextDouble() * 180 - 90;
      double lon3 = rnd.nextDouble() * 360 - 180;
      double ab = GeoDistance.km(lat1, lon1, lat2, lon2);
      assertThat(GeoDistance.km(lat2, lon2, lat1, lon1)).isEqualTo(ab); // exactly
      assertThat(ab).isBetween(0.0, Math.PI * R + 1e-9);
      double bc = GeoDistance.km(lat2, lon2, lat3, lon3);
      double ac = GeoDistance.km(lat1, lon1, lat3, lon3);
      assertThat(ac).isLessThanOrEqualTo(ab + bc + 1e-9);
    }
  }
}
