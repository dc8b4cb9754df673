package com.faultlink; public class FaultLinkJob { public static void main(String[] a){} }
