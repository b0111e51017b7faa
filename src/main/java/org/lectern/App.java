package org.lectern;

public final class App {
    public static void main(String[] args) {
        System.out.println(org.lectern.db.schema.Tables.COURSE.getName());
    }
}
